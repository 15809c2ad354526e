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

-- [1/1] fixes: make public.users.id GENERATED ALWAYS AS IDENTITY (was BY DEFAULT)
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."users"') AND attname = 'id' AND NOT attisdropped AND attidentity = 'd')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."users" ALTER COLUMN "id" SET GENERATED ALWAYS;
\endif
