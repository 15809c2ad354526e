-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go ("Alter an invalid check constraint to be valid", "Alter an Inheritable check constraint to be no-inherit")
-- One check is NOT VALID on live (to validate), another is inheritable on live but NO INHERIT in the model.
CREATE TABLE stock (
  id integer PRIMARY KEY,
  qty integer NOT NULL,
  price numeric(10, 2) NOT NULL,
  CONSTRAINT stock_qty_nonneg CHECK (qty >= 0),
  CONSTRAINT stock_price_pos CHECK (price > 0) NO INHERIT
);
