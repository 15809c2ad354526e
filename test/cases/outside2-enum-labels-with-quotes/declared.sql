-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/enum_cases_test.go ("add value with single-quote label", "add value before a single-quote label")
-- Enum labels holding single quotes: one missing before a quoted label, one missing at the end.
CREATE TYPE reply AS ENUM ('a''ok', 'it''s fine', 'don''t', 'won''t do');
CREATE TABLE feedback (id integer PRIMARY KEY, answer reply NOT NULL);
