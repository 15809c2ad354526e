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

-- [1/2] fixes: change type of public.memo.body from character varying(200) to text
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."memo"') AND a.attname = 'body' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(200)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."memo" ALTER COLUMN "body" TYPE text;
\endif

-- [2/2] fixes: set default of public.memo.body
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."memo" ALTER COLUMN "body" SET DEFAULT 'empty'::text;
