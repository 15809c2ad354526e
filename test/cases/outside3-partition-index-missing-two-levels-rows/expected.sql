-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  9 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/9] indexes: create index measurements_taken_on on only the partitioned table public.measurements (valid once every partition's index is attached)
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "measurements_taken_on" ON ONLY "public"."measurements" USING btree ("taken_on");

-- [2/9] indexes: create index measurements_2024_measurements_taken_on on only the partitioned partition public.measurements_2024 (valid once each of its partitions' index is attached)
-- lock: SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_taken_on"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2024"'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX IF NOT EXISTS "measurements_2024_measurements_taken_on" ON ONLY "public"."measurements_2024" USING btree ("taken_on");
\endif

-- [3/9] indexes: drop invalid leftover index measurements_2024_eu_measurements_taken_on on public.measurements_2024_eu
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'measurements_2024_eu_measurements_taken_on' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."measurements_2024_eu_measurements_taken_on";
\endif

-- [4/9] indexes: create index measurements_2024_eu_measurements_taken_on on public.measurements_2024_eu concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'measurements_2024_eu_measurements_taken_on' AND i.indisvalid) AND NOT (pg_catalog.to_regclass('"public"."measurements_2024_measurements_taken_on"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_2024_measurements_taken_on"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2024_eu"')))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "measurements_2024_eu_measurements_taken_on" ON "public"."measurements_2024_eu" USING btree ("taken_on");
\endif
SET statement_timeout = '60s';

-- [5/9] indexes: attach index measurements_2024_eu_measurements_taken_on of partition public.measurements_2024_eu to measurements_2024_measurements_taken_on
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.to_regclass('"public"."measurements_2024_measurements_taken_on"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_2024_measurements_taken_on"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2024_eu"')))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."measurements_2024_measurements_taken_on" ATTACH PARTITION "public"."measurements_2024_eu_measurements_taken_on";
\endif

-- [6/9] indexes: drop invalid leftover index measurements_2024_us_measurements_taken_on on public.measurements_2024_us
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'measurements_2024_us_measurements_taken_on' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."measurements_2024_us_measurements_taken_on";
\endif

-- [7/9] indexes: create index measurements_2024_us_measurements_taken_on on public.measurements_2024_us concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'measurements_2024_us_measurements_taken_on' AND i.indisvalid) AND NOT (pg_catalog.to_regclass('"public"."measurements_2024_measurements_taken_on"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_2024_measurements_taken_on"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2024_us"')))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "measurements_2024_us_measurements_taken_on" ON "public"."measurements_2024_us" USING btree ("taken_on");
\endif
SET statement_timeout = '60s';

-- [8/9] indexes: attach index measurements_2024_us_measurements_taken_on of partition public.measurements_2024_us to measurements_2024_measurements_taken_on
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.to_regclass('"public"."measurements_2024_measurements_taken_on"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_2024_measurements_taken_on"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2024_us"')))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."measurements_2024_measurements_taken_on" ATTACH PARTITION "public"."measurements_2024_us_measurements_taken_on";
\endif

-- [9/9] indexes: attach index measurements_2024_measurements_taken_on of partition public.measurements_2024 to measurements_taken_on
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_taken_on"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2024"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."measurements_taken_on" ATTACH PARTITION "public"."measurements_2024_measurements_taken_on";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'measurements_taken_on' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
