-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  17 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/17] indexes: create index ev_tenant_at on only the partitioned table public.ev (valid once every partition's index is attached)
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "ev_tenant_at" ON ONLY "public"."ev" USING btree ("tenant", "at");

-- [2/17] indexes: create index ev_2024_ev_tenant_at on only the partitioned partition public.ev_2024 (valid once each of its partitions' index is attached)
-- lock: SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2024"'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX IF NOT EXISTS "ev_2024_ev_tenant_at" ON ONLY "public"."ev_2024" USING btree ("tenant", "at");
\endif

-- [3/17] indexes: create index ev_2024_click_ev_tenant_at on only the partitioned partition public.ev_2024_click (valid once each of its partitions' index is attached)
-- lock: SHARE
SELECT (NOT (pg_catalog.to_regclass('"public"."ev_2024_ev_tenant_at"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_2024_ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2024_click"')))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX IF NOT EXISTS "ev_2024_click_ev_tenant_at" ON ONLY "public"."ev_2024_click" USING btree ("tenant", "at");
\endif

-- [4/17] indexes: drop invalid leftover index ev_2024_click_h0_ev_tenant_at1 on public.ev_2024_click_h0
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'ev_2024_click_h0_ev_tenant_at1' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."ev_2024_click_h0_ev_tenant_at1";
\endif

-- [5/17] indexes: create index ev_2024_click_h0_ev_tenant_at1 on public.ev_2024_click_h0 concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'ev_2024_click_h0_ev_tenant_at1' AND i.indisvalid) AND NOT (pg_catalog.to_regclass('"public"."ev_2024_click_ev_tenant_at"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_2024_click_ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2024_click_h0"')))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ev_2024_click_h0_ev_tenant_at1" ON "public"."ev_2024_click_h0" USING btree ("tenant", "at");
\endif
SET statement_timeout = '60s';

-- [6/17] indexes: attach index ev_2024_click_h0_ev_tenant_at1 of partition public.ev_2024_click_h0 to ev_2024_click_ev_tenant_at
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.to_regclass('"public"."ev_2024_click_ev_tenant_at"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_2024_click_ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2024_click_h0"')))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."ev_2024_click_ev_tenant_at" ATTACH PARTITION "public"."ev_2024_click_h0_ev_tenant_at1";
\endif

-- [7/17] indexes: drop invalid leftover index ev_2024_click_h1_ev_tenant_at on public.ev_2024_click_h1
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'ev_2024_click_h1_ev_tenant_at' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."ev_2024_click_h1_ev_tenant_at";
\endif

-- [8/17] indexes: create index ev_2024_click_h1_ev_tenant_at on public.ev_2024_click_h1 concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'ev_2024_click_h1_ev_tenant_at' AND i.indisvalid) AND NOT (pg_catalog.to_regclass('"public"."ev_2024_click_ev_tenant_at"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_2024_click_ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2024_click_h1"')))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ev_2024_click_h1_ev_tenant_at" ON "public"."ev_2024_click_h1" USING btree ("tenant", "at");
\endif
SET statement_timeout = '60s';

-- [9/17] indexes: attach index ev_2024_click_h1_ev_tenant_at of partition public.ev_2024_click_h1 to ev_2024_click_ev_tenant_at
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.to_regclass('"public"."ev_2024_click_ev_tenant_at"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_2024_click_ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2024_click_h1"')))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."ev_2024_click_ev_tenant_at" ATTACH PARTITION "public"."ev_2024_click_h1_ev_tenant_at";
\endif

-- [10/17] indexes: attach index ev_2024_click_ev_tenant_at of partition public.ev_2024_click to ev_2024_ev_tenant_at
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.to_regclass('"public"."ev_2024_ev_tenant_at"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_2024_ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2024_click"')))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."ev_2024_ev_tenant_at" ATTACH PARTITION "public"."ev_2024_click_ev_tenant_at";
\endif

-- [11/17] indexes: attach the existing index ev_2024_view_hand_idx of partition public.ev_2024_view to ev_2024_ev_tenant_at
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.to_regclass('"public"."ev_2024_ev_tenant_at"') IS NULL OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_2024_ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2024_view"')))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."ev_2024_ev_tenant_at" ATTACH PARTITION "public"."ev_2024_view_hand_idx";
\endif

-- [12/17] indexes: attach index ev_2024_ev_tenant_at of partition public.ev_2024 to ev_tenant_at
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2024"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."ev_tenant_at" ATTACH PARTITION "public"."ev_2024_ev_tenant_at";
\endif

-- [13/17] indexes: attach the existing index ev_2025_tenant_at_idx of partition public.ev_2025 to ev_tenant_at
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2025"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."ev_tenant_at" ATTACH PARTITION "public"."ev_2025_tenant_at_idx";
\endif

-- [14/17] indexes: create index ev_2026_ev_tenant_at on public.ev_2026
-- lock: SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2026"'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX IF NOT EXISTS "ev_2026_ev_tenant_at" ON "public"."ev_2026" USING btree ("tenant", "at");
\endif

-- [15/17] indexes: attach index ev_2026_ev_tenant_at of partition public.ev_2026 to ev_tenant_at
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2026"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."ev_tenant_at" ATTACH PARTITION "public"."ev_2026_ev_tenant_at";
\endif

-- [16/17] indexes: create index ev_2027_ev_tenant_at on public.ev_2027
-- lock: SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2027"'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX IF NOT EXISTS "ev_2027_ev_tenant_at" ON "public"."ev_2027" USING btree ("tenant", "at");
\endif

-- [17/17] indexes: attach index ev_2027_ev_tenant_at of partition public.ev_2027 to ev_tenant_at
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."ev_tenant_at"') AND x.indrelid = pg_catalog.to_regclass('"public"."ev_2027"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."ev_tenant_at" ATTACH PARTITION "public"."ev_2027_ev_tenant_at";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'ev_tenant_at' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
