-- from: stripe/pg-schema-diff partitioned table "Adding a partition"; multi-level partitioning (year, then region) in time-series apps
-- Two levels: a leaf of the existing 2024 branch is missing, and the whole 2025 branch (itself partitioned) with its leaves is missing.
CREATE TABLE measurements (region text NOT NULL, taken_on date NOT NULL, value numeric NOT NULL) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (region);
CREATE TABLE measurements_2024_eu PARTITION OF measurements_2024 FOR VALUES IN ('eu');
CREATE TABLE measurements_2024_us PARTITION OF measurements_2024 FOR VALUES IN ('us');
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (region);
CREATE TABLE measurements_2025_eu PARTITION OF measurements_2025 FOR VALUES IN ('eu');
CREATE TABLE measurements_2025_other PARTITION OF measurements_2025 DEFAULT;
