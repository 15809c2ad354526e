-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/column_cases_test.go ("Generated column with index", "Add multiple generated columns")
-- Two stored generated columns and an index on one of them are missing on a table with rows.
CREATE TABLE person (
  id integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name text NOT NULL,
  full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
  name_len integer GENERATED ALWAYS AS (length(first_name) + length(last_name)) STORED
);
CREATE INDEX person_full_name_idx ON person (full_name);
