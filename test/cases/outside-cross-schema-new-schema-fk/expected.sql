-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  4 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/4] schemas: create schema billing
-- lock: none
CREATE SCHEMA IF NOT EXISTS "billing";

-- [2/4] tables: create table billing.charge
-- lock: none
CREATE TABLE IF NOT EXISTS "billing"."charge" (
  "id" bigint NOT NULL,
  "customer_id" integer NOT NULL,
  "cents" integer NOT NULL,
  CONSTRAINT "charge_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "charge_cents_check" CHECK ((cents >= 0))
);

-- [3/4] constraints: add foreign key charge_customer_id_fkey on billing.charge -> public.customer
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"billing"."charge"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."customer"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['customer_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'charge_customer_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "billing"."charge" ADD CONSTRAINT "charge_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "public"."customer" ("id");
\endif

-- [4/4] indexes: create index charge_customer_idx on billing.charge
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "charge_customer_idx" ON "billing"."charge" USING btree ("customer_id");

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'billing')) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"billing"."charge"') IS NOT NULL) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
