-- A unique constraint the model declares on a partitioned table is missing on live, whose partitions hold rows:
-- each partition's key is built concurrently and attached, then the parent's takes them over.
CREATE TABLE reading (sensor integer NOT NULL, taken date NOT NULL, value numeric, CONSTRAINT reading_sensor_taken_key UNIQUE (sensor, taken)) PARTITION BY RANGE (taken);
CREATE TABLE reading_2025 PARTITION OF reading FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE reading_2026 PARTITION OF reading FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
