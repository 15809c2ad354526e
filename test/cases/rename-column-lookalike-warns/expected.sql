-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  1 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/1] columns: add column public.contact.full_name (nullable until backfilled)
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."contact" ADD COLUMN IF NOT EXISTS "full_name" text;

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."contact"') AND attname = 'full_name' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;

-- NOTE: column public.contact.full_name is missing and public.contact.fullname, which the model lacks, has the same definition: if it was renamed, --rename --allow-hazards rename renames it and keeps its values; this plan adds an empty full_name
-- NOTE: column public.contact.full_name is declared NOT NULL without a default, and the table holds rows: it is added as nullable. Backfill it (UPDATE "public"."contact" SET "full_name" = ... in batches), then run reconcile again to set NOT NULL safely.
