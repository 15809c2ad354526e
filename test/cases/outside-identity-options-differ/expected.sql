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

-- [1/1] fixes: set INCREMENT BY 7 on the identity sequence of public.voucher.id (was INCREMENT BY 1)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_sequence s WHERE s.seqrelid = pg_catalog.pg_get_serial_sequence('"public"."voucher"', 'id')::regclass AND s.seqincrement = 7)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."voucher" ALTER COLUMN "id" SET INCREMENT BY 7;
\endif
