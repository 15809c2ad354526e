CREATE TABLE readings (sensor int NOT NULL, at timestamptz NOT NULL, celsius numeric(6, 2) NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE readings_2024_01 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE readings_2024_02 PARTITION OF readings FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
INSERT INTO readings SELECT g % 3, '2024-01-01'::timestamptz + g * interval '12 hours', g / 4.0 FROM generate_series(1, 100) g;
