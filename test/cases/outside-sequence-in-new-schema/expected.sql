-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  4 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/4] schemas: create schema counters
-- lock: none
CREATE SCHEMA IF NOT EXISTS "counters";

-- [2/4] sequences: create sequence counters.ticket_no
-- lock: none
CREATE SEQUENCE IF NOT EXISTS "counters"."ticket_no" AS integer INCREMENT BY 5 MINVALUE 1 MAXVALUE 2147483647 START WITH 500 CACHE 1 NO CYCLE;

-- [3/4] fixes: set default of public.queue_entry.ticket
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."queue_entry" ALTER COLUMN "ticket" SET DEFAULT nextval('counters.ticket_no'::regclass);

-- [4/4] fixes: advance sequence counters.ticket_no past the values public.queue_entry.ticket already hold, where it is behind them (the column's new default draws from it)
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (coalesce((SELECT CASE WHEN f.up THEN f.next <= f.used ELSE f.next >= f.used END FROM (SELECT p.seqincrement > 0 AS up, CASE WHEN s.is_called THEN s.last_value::numeric + p.seqincrement ELSE s.last_value::numeric END AS next, CASE WHEN p.seqincrement > 0 THEN greatest((SELECT max("ticket") FROM "public"."queue_entry")::bigint) ELSE least((SELECT min("ticket") FROM "public"."queue_entry")::bigint) END AS used FROM "counters"."ticket_no" s, pg_catalog.pg_sequence p WHERE p.seqrelid = '"counters"."ticket_no"'::regclass) f), false)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.setval('"counters"."ticket_no"'::regclass, f.used, true) FROM (SELECT p.seqincrement > 0 AS up, CASE WHEN s.is_called THEN s.last_value::numeric + p.seqincrement ELSE s.last_value::numeric END AS next, CASE WHEN p.seqincrement > 0 THEN greatest((SELECT max("ticket") FROM "public"."queue_entry")::bigint) ELSE least((SELECT min("ticket") FROM "public"."queue_entry")::bigint) END AS used FROM "counters"."ticket_no" s, pg_catalog.pg_sequence p WHERE p.seqrelid = '"counters"."ticket_no"'::regclass) f WHERE CASE WHEN f.up THEN f.next <= f.used ELSE f.next >= f.used END; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'counters')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
