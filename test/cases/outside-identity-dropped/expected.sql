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

-- [1/1] fixes: drop identity of public.gadget.id
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."gadget"') AND attname = 'id' AND NOT attisdropped AND attidentity = '')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN ALTER TABLE "public"."gadget" ALTER COLUMN "id" DROP IDENTITY IF EXISTS; END $reconcile$;
\endif
