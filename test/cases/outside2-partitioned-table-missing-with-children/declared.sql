-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/partitioned_table_cases_test.go ("Create partitioned table with shared primary key and RLS enabled globally")
-- A whole partitioned table (primary key, a check, a partitioned index, a default partition) is missing on live.
CREATE TABLE account (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE account_event (
  account_id bigint NOT NULL REFERENCES account (id),
  kind text NOT NULL CHECK (kind <> ''),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, at)
) PARTITION BY RANGE (at);
CREATE TABLE account_event_2025 PARTITION OF account_event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE account_event_rest PARTITION OF account_event DEFAULT;
CREATE INDEX account_event_kind_idx ON account_event (kind);
ALTER TABLE account_event ENABLE ROW LEVEL SECURITY;
