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

-- [1/1] fixes: set INCREMENT BY 10 MAXVALUE 1000000 CACHE 5 on sequence public.batch_seq (was INCREMENT BY 1 MAXVALUE 9223372036854775807 CACHE 1)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_sequence s WHERE s.seqrelid = pg_catalog.to_regclass('"public"."batch_seq"') AND s.seqincrement = 10 AND s.seqmax = 1000000 AND s.seqcache = 5)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER SEQUENCE "public"."batch_seq" INCREMENT BY 10 MAXVALUE 1000000 CACHE 5;
\endif

-- NOTE: sequence public.batch_seq: MINVALUE 100 (live MINVALUE 1) not planned: MINVALUE 100: its START 1 is below it; changing START or the value to fit could hand out used values, so decide by hand (ALTER SEQUENCE ... RESTART WITH a value past every used one, then run again)
