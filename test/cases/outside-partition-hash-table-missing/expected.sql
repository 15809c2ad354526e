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

-- [1/3] tables: create table public.click
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."click" (
  "id" bigint NOT NULL,
  "user_id" integer NOT NULL,
  CONSTRAINT "click_pkey" PRIMARY KEY ("id", "user_id")
) PARTITION BY HASH (user_id);

-- [2/3] tables: create table public.click_p0 as a partition of public.click
-- lock: ACCESS EXCLUSIVE
CREATE TABLE IF NOT EXISTS "public"."click_p0" PARTITION OF "public"."click" FOR VALUES WITH (modulus 2, remainder 0);

-- [3/3] tables: create table public.click_p1 as a partition of public.click
-- lock: ACCESS EXCLUSIVE
CREATE TABLE IF NOT EXISTS "public"."click_p1" PARTITION OF "public"."click" FOR VALUES WITH (modulus 2, remainder 1);

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."click"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."click_p0"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."click_p1"') IS NOT NULL) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
