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

-- [1/2] keys: drop primary key events_pkey of public.events (declared without it)
-- lock: ACCESS EXCLUSIVE
-- HAZARD (drop): public.events is declared without its primary key events_pkey, and its column(s) id declared nullable: the key (and its index) is dropped first, so rows are no longer kept unique by it
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."events"') AND conname = 'events_pkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."events" DROP CONSTRAINT IF EXISTS "events_pkey";
\endif

-- [2/2] constraints: drop NOT NULL on public.events.id
-- lock: ACCESS EXCLUSIVE
-- HAZARD (drop): public.events is declared without its primary key events_pkey, and its column(s) id declared nullable: the key (and its index) is dropped first, so rows are no longer kept unique by it
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."events"') AND attname = 'id' AND NOT attnotnull AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."events" ALTER COLUMN "id" DROP NOT NULL;
\endif
