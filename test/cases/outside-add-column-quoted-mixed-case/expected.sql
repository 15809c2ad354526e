-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  2 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/2] columns: add column public."Ledger".DisplayName
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."Ledger" ADD COLUMN IF NOT EXISTS "DisplayName" character varying(80) DEFAULT 'n/a'::character varying;

-- [2/2] columns: add column public."Ledger".Amount Due
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."Ledger" ADD COLUMN IF NOT EXISTS "Amount Due" numeric(12,2);

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Ledger"') AND attname = 'DisplayName' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Ledger"') AND attname = 'Amount Due' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
