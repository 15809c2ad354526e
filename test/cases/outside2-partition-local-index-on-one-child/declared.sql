-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/local_partition_index_cases_test.go ("Add local indexes", "Add a unique local index")
-- Indexes built on one partition only (not on the parent) are missing on live.
CREATE TABLE metric (id bigint NOT NULL, host text NOT NULL, taken_on date NOT NULL, value double precision) PARTITION BY LIST (host);
CREATE TABLE metric_web PARTITION OF metric FOR VALUES IN ('web');
CREATE TABLE metric_db PARTITION OF metric FOR VALUES IN ('db');
CREATE INDEX metric_web_taken_on_idx ON metric_web (taken_on);
CREATE UNIQUE INDEX metric_db_id_key ON metric_db (id);
