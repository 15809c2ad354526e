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

-- [1/7] indexes: create index audit_entry_actor_idx on only the partitioned table public.audit_entry (valid once every partition's index is attached)
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "audit_entry_actor_idx" ON ONLY "public"."audit_entry" USING btree ("actor");

-- [2/7] indexes: drop invalid leftover index audit_entry_a_audit_entry_actor_idx on public.audit_entry_a
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'audit_entry_a_audit_entry_actor_idx' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."audit_entry_a_audit_entry_actor_idx";
\endif

-- [3/7] indexes: create index audit_entry_a_audit_entry_actor_idx on public.audit_entry_a concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'audit_entry_a_audit_entry_actor_idx' AND i.indisvalid) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."audit_entry_actor_idx"') AND x.indrelid = pg_catalog.to_regclass('"public"."audit_entry_a"'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "audit_entry_a_audit_entry_actor_idx" ON "public"."audit_entry_a" USING btree ("actor");
\endif
SET statement_timeout = '60s';

-- [4/7] indexes: attach index audit_entry_a_audit_entry_actor_idx of partition public.audit_entry_a to audit_entry_actor_idx
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."audit_entry_actor_idx"') AND x.indrelid = pg_catalog.to_regclass('"public"."audit_entry_a"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."audit_entry_actor_idx" ATTACH PARTITION "public"."audit_entry_a_audit_entry_actor_idx";
\endif

-- [5/7] indexes: drop invalid leftover index audit_entry_b_audit_entry_actor_idx on public.audit_entry_b
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'audit_entry_b_audit_entry_actor_idx' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."audit_entry_b_audit_entry_actor_idx";
\endif

-- [6/7] indexes: create index audit_entry_b_audit_entry_actor_idx on public.audit_entry_b concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'audit_entry_b_audit_entry_actor_idx' AND i.indisvalid) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."audit_entry_actor_idx"') AND x.indrelid = pg_catalog.to_regclass('"public"."audit_entry_b"'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "audit_entry_b_audit_entry_actor_idx" ON "public"."audit_entry_b" USING btree ("actor");
\endif
SET statement_timeout = '60s';

-- [7/7] indexes: attach index audit_entry_b_audit_entry_actor_idx of partition public.audit_entry_b to audit_entry_actor_idx
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass('"public"."audit_entry_actor_idx"') AND x.indrelid = pg_catalog.to_regclass('"public"."audit_entry_b"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."audit_entry_actor_idx" ATTACH PARTITION "public"."audit_entry_b_audit_entry_actor_idx";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'audit_entry_actor_idx' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
