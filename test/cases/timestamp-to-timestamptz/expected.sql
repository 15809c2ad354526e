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

-- [1/1] fixes: change type of public.calls.started_at from timestamp without time zone to timestamp with time zone (no rewrite, under TimeZone UTC)
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."calls"') AND a.attname = 'started_at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
BEGIN
  SET LOCAL TimeZone = 'UTC';
  ALTER TABLE "public"."calls" ALTER COLUMN "started_at" TYPE timestamp with time zone;
END
$reconcile$;
\endif
