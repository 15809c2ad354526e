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

-- [1/1] fixes: set AS bigint MAXVALUE 9223372036854775807 MINVALUE 1 on sequence public.order_no_seq (was AS integer MAXVALUE 2147483647 MINVALUE 1)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_sequence s WHERE s.seqrelid = pg_catalog.to_regclass('"public"."order_no_seq"') AND pg_catalog.format_type(s.seqtypid, NULL) = 'bigint' AND s.seqmax = 9223372036854775807 AND s.seqmin = 1)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER SEQUENCE "public"."order_no_seq" AS bigint MAXVALUE 9223372036854775807 MINVALUE 1;
\endif
