-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/column_cases_test.go ("Add one column with serial")
-- A serial column (its sequence, default and OWNED BY) is missing on a table with rows.
CREATE TABLE visit (visitor text NOT NULL, at timestamptz NOT NULL, seq serial NOT NULL);
