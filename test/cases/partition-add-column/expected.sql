-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  7 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/7] columns: add column public.measurements.unit
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."measurements" ADD COLUMN IF NOT EXISTS "unit" text;

-- [2/7] indexes: create index measurements_unit_idx on only the partitioned table public.measurements (valid once every partition's index is attached)
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "measurements_unit_idx" ON ONLY "public"."measurements" USING btree ("unit");

-- [3/7] indexes: drop invalid leftover index measurements_2025_measurements_unit_idx on public.measurements_2025
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'measurements_2025_measurements_unit_idx' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."measurements_2025_measurements_unit_idx";
\endif

-- [4/7] indexes: create index measurements_2025_measurements_unit_idx on public.measurements_2025 concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'measurements_2025_measurements_unit_idx' AND i.indisvalid) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_unit_idx"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2025"'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "measurements_2025_measurements_unit_idx" ON "public"."measurements_2025" USING btree ("unit");
\endif
SET statement_timeout = '60s';

-- [5/7] indexes: attach index measurements_2025_measurements_unit_idx of partition public.measurements_2025 to measurements_unit_idx
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_unit_idx"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2025"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."measurements_unit_idx" ATTACH PARTITION "public"."measurements_2025_measurements_unit_idx";
\endif

-- [6/7] indexes: create index measurements_2026_measurements_unit_idx on public.measurements_2026
-- lock: SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_unit_idx"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2026"'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX IF NOT EXISTS "measurements_2026_measurements_unit_idx" ON "public"."measurements_2026" USING btree ("unit");
\endif

-- [7/7] indexes: attach index measurements_2026_measurements_unit_idx of partition public.measurements_2026 to measurements_unit_idx
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."measurements_unit_idx"') AND x.indrelid = pg_catalog.to_regclass('"public"."measurements_2026"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."measurements_unit_idx" ATTACH PARTITION "public"."measurements_2026_measurements_unit_idx";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."measurements"') AND attname = 'unit' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'measurements_unit_idx' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
