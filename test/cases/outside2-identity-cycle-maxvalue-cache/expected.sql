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

-- [1/1] fixes: set MAXVALUE 1000000 CACHE 10 CYCLE on the identity sequence of public.ticket.id (was MAXVALUE 2147483647 CACHE 1 NO CYCLE)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_sequence s WHERE s.seqrelid = pg_catalog.pg_get_serial_sequence('"public"."ticket"', 'id')::regclass AND s.seqmax = 1000000 AND s.seqcache = 10 AND s.seqcycle)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."ticket" ALTER COLUMN "id" SET MAXVALUE 1000000 SET CACHE 10 SET CYCLE;
\endif
