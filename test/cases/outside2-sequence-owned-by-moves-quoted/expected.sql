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

-- [1/1] fixes: set OWNED BY public.some other foobar.some id on sequence public."foobar sequence" (was OWNED BY public.some foobar.some id)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = pg_catalog.to_regclass('"public"."foobar sequence"') AND d.deptype = 'a' AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjsubid > 0 AND d.refobjid = pg_catalog.to_regclass('"public"."some other foobar"') AND d.refobjsubid = (SELECT a.attnum FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."some other foobar"') AND a.attname = 'some id'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER SEQUENCE "public"."foobar sequence" OWNED BY "public"."some other foobar"."some id";
\endif
