-- A column and an index missing on a partitioned table: each partition misses them too.
-- ALTER TABLE on a partition cannot add a column, and CREATE INDEX CONCURRENTLY does not work on the parent.
CREATE TABLE measurements (id bigint NOT NULL, taken_on date NOT NULL, value numeric, PRIMARY KEY (id, taken_on)) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
INSERT INTO measurements SELECT g, date '2025-06-01' + (g % 400), g FROM generate_series(1, 100) g;
