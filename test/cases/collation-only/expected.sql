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

-- [1/1] fixes: change types of public.users: login, name (no rewrite)
-- lock: ACCESS EXCLUSIVE
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."users"') AND a.attname = 'login' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'text' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."users"') AND a.attname = 'name' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(100)' AND a.attcollation = pg_catalog.to_regcollation('"C"')))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."users" ALTER COLUMN "login" TYPE text COLLATE "C",
  ALTER COLUMN "name" TYPE character varying(100);
\endif
