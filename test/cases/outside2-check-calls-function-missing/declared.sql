-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go ("Add check constraint with UDF dependency")
-- A check constraint calls a user function; both are missing on live (the function must come first).
CREATE FUNCTION is_valid_sku(s text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT s ~ '^[A-Z]{3}-[0-9]{4}$' $$;
CREATE TABLE product (
  id integer PRIMARY KEY,
  sku text NOT NULL,
  CONSTRAINT product_sku_format CHECK (is_valid_sku(sku))
);
