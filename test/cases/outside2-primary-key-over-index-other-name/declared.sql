-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/index_cases_test.go ("Add a primary key when the index already exists but has a name different to the constraint")
-- The primary key is missing on live, where a unique index of another name covers the same column (kept).
CREATE TABLE device (
  serial text NOT NULL,
  label text,
  CONSTRAINT device_pkey PRIMARY KEY (serial)
);
