-- from: stripe/pg-schema-diff column "Add generated column" and partitioned_table cases
-- A STORED generated column is missing on a partitioned table whose partitions hold rows: every partition is rewritten (rewrite hazard, allowed here).
CREATE TABLE readings (sensor int NOT NULL, at timestamptz NOT NULL, celsius numeric(6, 2) NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE readings_2024_01 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE readings_2024_02 PARTITION OF readings FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
ALTER TABLE readings ADD COLUMN fahrenheit numeric GENERATED ALWAYS AS (celsius * 9 / 5 + 32) STORED;
