-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/sequence_cases_test.go ("Alter data type", "Alter from no max value and change type")
-- A sequence used by a column default is AS integer on live and AS bigint in the model (its max value follows the type).
CREATE SEQUENCE order_no_seq AS bigint START WITH 100 INCREMENT BY 10;
CREATE TABLE order_header (no bigint PRIMARY KEY DEFAULT nextval('order_no_seq'), placed_on date NOT NULL);
