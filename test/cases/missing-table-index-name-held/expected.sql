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

-- [1/4] tables: create table public.invoice
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."invoice" (
  "id" integer NOT NULL,
  "account_id" integer,
  "number" text,
  CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- [2/4] constraints: add foreign key invoice_account_id_fkey on public.invoice -> public.account
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."account"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['account_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'invoice_account_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."invoice" ADD CONSTRAINT "invoice_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."account" ("id");
\endif

-- [3/4] indexes: rename index invoice_number on public.account to invoice_number_old (the declared index invoice_number on public.invoice needs its name)
-- lock: SHARE UPDATE EXCLUSIVE
-- HAZARD (rename): the name invoice_number is held by index invoice_number on public.account; it is renamed to invoice_number_old so the declared object can take it (queries, hints or ON CONFLICT ON CONSTRAINT clauses that name it must follow)
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'invoice_number') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'invoice_number_old')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."invoice_number" RENAME TO "invoice_number_old";
\endif

-- [4/4] indexes: create index invoice_number on public.invoice
-- lock: SHARE
-- HAZARD (rename): the name invoice_number is held by index invoice_number on public.account; it is renamed to invoice_number_old so the declared object can take it (queries, hints or ON CONFLICT ON CONSTRAINT clauses that name it must follow)
CREATE INDEX IF NOT EXISTS "invoice_number" ON "public"."invoice" USING btree ("number");

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."invoice"') IS NOT NULL) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
