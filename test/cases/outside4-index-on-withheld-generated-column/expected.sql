-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  1 (withheld for hazards: 3)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/1] columns: add column public.line_item.qty
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."line_item" ADD COLUMN IF NOT EXISTS "qty" integer DEFAULT 1 NOT NULL;

-- WITHHELD (rewrite; allow with --allow-hazards): add column public.line_item.total_cents
-- ALTER TABLE "public"."line_item" ADD COLUMN IF NOT EXISTS "total_cents" bigint GENERATED ALWAYS AS ((unit_cents * qty)) STORED;

-- WITHHELD (rewrite; allow with --allow-hazards): drop invalid leftover index line_item_total_idx on public.line_item
-- DROP INDEX CONCURRENTLY IF EXISTS "public"."line_item_total_idx";

-- WITHHELD (rewrite; allow with --allow-hazards): create index line_item_total_idx on public.line_item concurrently
-- CREATE INDEX CONCURRENTLY IF NOT EXISTS "line_item_total_idx" ON "public"."line_item" USING btree ("total_cents");

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."line_item"') AND attname = 'qty' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
