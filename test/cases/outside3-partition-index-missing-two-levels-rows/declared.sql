-- from: stripe/pg-schema-diff partitioned_index cases ("add partitioned index") on a two-level partitioned table
-- An index is missing on the root; the rows sit two levels down (the middle partition holds none itself): a plain CREATE INDEX
-- would hold SHARE on every leaf while it builds, so it should be built ON ONLY and per leaf concurrently, then attached.
CREATE TABLE measurements (region text NOT NULL, taken_on date NOT NULL, value numeric NOT NULL) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (region);
CREATE TABLE measurements_2024_eu PARTITION OF measurements_2024 FOR VALUES IN ('eu');
CREATE TABLE measurements_2024_us PARTITION OF measurements_2024 FOR VALUES IN ('us');
CREATE INDEX measurements_taken_on ON measurements (taken_on);
