-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  3 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/3] schemas: create schema counters
-- lock: none
CREATE SCHEMA IF NOT EXISTS "counters";

-- [2/3] sequences: create sequence counters.ticket_no
-- lock: none
CREATE SEQUENCE IF NOT EXISTS "counters"."ticket_no" AS integer INCREMENT BY 5 MINVALUE 1 MAXVALUE 2147483647 START WITH 500 CACHE 1 NO CYCLE;

-- [3/3] fixes: set default of public.queue_entry.ticket
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."queue_entry" ALTER COLUMN "ticket" SET DEFAULT nextval('counters.ticket_no'::regclass);

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'counters')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
