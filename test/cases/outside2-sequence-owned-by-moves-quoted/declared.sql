-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/sequence_cases_test.go ("Alter ownership (from table to table)")
-- A sequence with quoted names and all options set is owned by another table's column than on live.
CREATE TABLE "some foobar" ("some id" bigint);
CREATE TABLE "some other foobar" ("some id" bigint);
CREATE SEQUENCE "foobar sequence" AS bigint INCREMENT BY 2 MINVALUE 5 MAXVALUE 100 START WITH 10 CACHE 5 CYCLE
  OWNED BY "some other foobar"."some id";
