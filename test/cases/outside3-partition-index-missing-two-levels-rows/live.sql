CREATE TABLE measurements (region text NOT NULL, taken_on date NOT NULL, value numeric NOT NULL) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (region);
CREATE TABLE measurements_2024_eu PARTITION OF measurements_2024 FOR VALUES IN ('eu');
CREATE TABLE measurements_2024_us PARTITION OF measurements_2024 FOR VALUES IN ('us');
INSERT INTO measurements SELECT CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, '2024-01-01'::date + g, g * 1.5 FROM generate_series(1, 40) g;
