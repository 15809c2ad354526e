-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  3 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/3] extensions: create extension uuid-ossp
-- lock: none
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA "public";

-- [2/3] fixes: set default of public.order_lines.id
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."order_lines" ALTER COLUMN "id" SET DEFAULT public.uuid_generate_v4();

-- [3/3] fixes: set default of public.orders.id
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."orders" ALTER COLUMN "id" SET DEFAULT public.uuid_generate_v4();
