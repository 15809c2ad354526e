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

-- [1/1] fixes: change type of public.calls.started_at from timestamp without time zone to timestamp with time zone
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): public.calls.started_at: timestamp values are taken as UTC (--assume-timezone to change); a bare TYPE timestamptz would shift them by the session's zone. The table is rewritten under an ACCESS EXCLUSIVE lock
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."calls"') AND attname = 'started_at' AND pg_catalog.format_type(atttypid, atttypmod) = 'timestamp without time zone' AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."calls" ALTER COLUMN "started_at" TYPE timestamp with time zone USING "started_at" AT TIME ZONE 'UTC';
\endif
SET statement_timeout = '60s';
