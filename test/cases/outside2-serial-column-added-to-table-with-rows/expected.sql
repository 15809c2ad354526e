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

-- [1/3] sequences: create sequence public.visit_seq_seq
-- lock: none
CREATE SEQUENCE IF NOT EXISTS "public"."visit_seq_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- [2/3] columns: add column public.visit.seq
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): adding public.visit.seq fills every existing row (volatile default, identity or stored generated column): the table is rewritten under an ACCESS EXCLUSIVE lock
SET statement_timeout = 0;
ALTER TABLE "public"."visit" ADD COLUMN IF NOT EXISTS "seq" integer DEFAULT nextval('public.visit_seq_seq'::regclass) NOT NULL;
SET statement_timeout = '60s';

-- [3/3] fixes: sequence public.visit_seq_seq owned by public.visit.seq
-- lock: none
ALTER SEQUENCE "public"."visit_seq_seq" OWNED BY "public"."visit"."seq";

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."visit"') AND attname = 'seq' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
