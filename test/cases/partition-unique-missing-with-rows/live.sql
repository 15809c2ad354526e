CREATE TABLE reading (sensor integer NOT NULL, taken date NOT NULL, value numeric) PARTITION BY RANGE (taken);
CREATE TABLE reading_2025 PARTITION OF reading FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE reading_2026 PARTITION OF reading FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
INSERT INTO reading SELECT g % 7, date '2025-06-01' + g, g FROM generate_series(1, 400) g;
