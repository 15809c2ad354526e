-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/materialized_view_cases_test.go ("alter - add fill factor option") and pgschema/pgschema testdata/diff/online/add_materialized_view_index
-- A materialized view gains a storage parameter, and an index on it is missing.
CREATE TABLE users (id integer NOT NULL, email text, created_at timestamptz);
CREATE MATERIALIZED VIEW user_summary WITH (fillfactor = 70) AS SELECT id, email, created_at FROM users;
CREATE INDEX idx_user_summary_created_at ON user_summary (created_at);
