-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/index_cases_test.go ("Add a unique constraint when the index already exists")
-- Live has a plain unique index under the name the model gives a unique constraint.
CREATE TABLE member (
  id integer PRIMARY KEY,
  email text NOT NULL,
  CONSTRAINT member_email_key UNIQUE (email)
);
