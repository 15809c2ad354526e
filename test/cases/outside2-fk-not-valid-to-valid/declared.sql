-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/foreign_key_constraint_cases_test.go ("Alter FK not valid to valid")
-- The foreign key exists on live but NOT VALID; the model has it validated (VALIDATE, not drop and add).
CREATE TABLE author (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE book (
  id bigint PRIMARY KEY,
  author_id bigint NOT NULL,
  title text NOT NULL,
  CONSTRAINT book_author_fkey FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE
);
