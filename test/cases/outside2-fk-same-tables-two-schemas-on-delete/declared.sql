-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/foreign_key_constraint_cases_test.go ("Alter FK (on delete)", "Add and drop FK (conflicting schemas)")
-- Two schemas hold tables and foreign keys of the same names; only the billing one differs (ON DELETE).
CREATE SCHEMA billing;
CREATE SCHEMA shipping;
CREATE TABLE billing.customer (id bigint PRIMARY KEY);
CREATE TABLE billing.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL,
  CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES billing.customer (id) ON DELETE CASCADE);
CREATE TABLE shipping.customer (id bigint PRIMARY KEY);
CREATE TABLE shipping.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL,
  CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES shipping.customer (id) ON DELETE RESTRICT);
