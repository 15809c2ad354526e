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

-- [1/3] sequences: create sequence public.tickets_id_seq
-- lock: none
CREATE SEQUENCE IF NOT EXISTS "public"."tickets_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- [2/3] tables: create table public.tickets
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."tickets" (
  "id" integer DEFAULT nextval('public.tickets_id_seq'::regclass) NOT NULL,
  "title" text NOT NULL,
  CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- [3/3] fixes: sequence public.tickets_id_seq owned by public.tickets.id
-- lock: none
ALTER SEQUENCE "public"."tickets_id_seq" OWNED BY "public"."tickets"."id";

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."tickets"') IS NOT NULL) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
