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

-- [1/4] tables: create table public.measurements_2024_us as a partition of public.measurements_2024
-- lock: ACCESS EXCLUSIVE
CREATE TABLE IF NOT EXISTS "public"."measurements_2024_us" PARTITION OF "public"."measurements_2024" FOR VALUES IN ('us');

-- [2/4] tables: create table public.measurements_2025 as a partition of public.measurements
-- lock: ACCESS EXCLUSIVE
CREATE TABLE IF NOT EXISTS "public"."measurements_2025" PARTITION OF "public"."measurements" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (region);

-- [3/4] tables: create table public.measurements_2025_eu as a partition of public.measurements_2025
-- lock: ACCESS EXCLUSIVE
CREATE TABLE IF NOT EXISTS "public"."measurements_2025_eu" PARTITION OF "public"."measurements_2025" FOR VALUES IN ('eu');

-- [4/4] tables: create table public.measurements_2025_other as a partition of public.measurements_2025
-- lock: ACCESS EXCLUSIVE
CREATE TABLE IF NOT EXISTS "public"."measurements_2025_other" PARTITION OF "public"."measurements_2025" DEFAULT;

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."measurements_2024_us"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."measurements_2025"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."measurements_2025_eu"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."measurements_2025_other"') IS NOT NULL) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
