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

-- [1/2] fixes: set default of public.users.created_at
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."users" ALTER COLUMN "created_at" SET DEFAULT now();

-- [2/2] fixes: set default of public.users.plan
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."users" ALTER COLUMN "plan" SET DEFAULT 'free'::text;
