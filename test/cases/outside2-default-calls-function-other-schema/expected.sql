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

-- [1/2] fixes: set default of public.items.code
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."items" ALTER COLUMN "code" SET DEFAULT util.next_code();

-- [2/2] fixes: set default of public.items.active
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."items" ALTER COLUMN "active" SET DEFAULT true;
