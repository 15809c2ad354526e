-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go ("Add check constraint with quoted identifiers", "Alter a check constraint expression")
-- A check with a quoted, spaced name on quoted columns has another expression on live.
CREATE TABLE "Order Line" (
  "Line Id" integer PRIMARY KEY,
  "Qty" integer NOT NULL,
  "Unit Price" numeric(10, 2) NOT NULL,
  CONSTRAINT "Qty In Range" CHECK ("Qty" BETWEEN 1 AND 1000),
  CONSTRAINT "Price Positive" CHECK ("Unit Price" > 0)
);
