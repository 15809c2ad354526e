-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/partitioned_index_cases_test.go ("Add a partitioned primary key when the local index already exists")
-- The partitioned table's primary key is missing; one partition already has a matching local unique index.
CREATE TABLE event (id bigint NOT NULL, region text NOT NULL, payload jsonb, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE event_eu PARTITION OF event FOR VALUES IN ('eu');
CREATE TABLE event_us PARTITION OF event FOR VALUES IN ('us');
