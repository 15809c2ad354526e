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

-- [1/7] fixes: drop index calls_started_at on public.calls before the type change (built again after it)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index calls_started_at on public.calls would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of started_at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."calls"') AND a.attname = 'started_at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."calls"') AND a.attname = 'ended_at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'calls_started_at')) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."calls_started_at";
\endif

-- [2/7] fixes: drop index calls_ended_recent on public.calls before the type change (built again after it)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index calls_ended_recent on public.calls would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of ended_at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."calls"') AND a.attname = 'started_at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."calls"') AND a.attname = 'ended_at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'calls_ended_recent')) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."calls_ended_recent";
\endif

-- [3/7] fixes: change types of public.calls: started_at, ended_at (no rewrite, under TimeZone UTC)
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace-index): index calls_started_at on public.calls would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of started_at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
-- HAZARD (replace-index): index calls_ended_recent on public.calls would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of ended_at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."calls"') AND a.attname = 'started_at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."calls"') AND a.attname = 'ended_at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
BEGIN
  SET LOCAL TimeZone = 'UTC';
  ALTER TABLE "public"."calls" ALTER COLUMN "started_at" TYPE timestamp with time zone,
  ALTER COLUMN "ended_at" TYPE timestamp with time zone;
END
$reconcile$;
\endif

-- [4/7] fixes: drop invalid leftover index calls_started_at on public.calls
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index calls_started_at on public.calls would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of started_at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'calls_started_at' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."calls_started_at";
\endif

-- [5/7] fixes: create index calls_started_at on public.calls concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index calls_started_at on public.calls would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of started_at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'calls_started_at' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "calls_started_at" ON "public"."calls" USING btree ("started_at");
\endif
SET statement_timeout = '60s';

-- [6/7] fixes: drop invalid leftover index calls_ended_recent on public.calls
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index calls_ended_recent on public.calls would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of ended_at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'calls_ended_recent' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."calls_ended_recent";
\endif

-- [7/7] fixes: create index calls_ended_recent on public.calls concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index calls_ended_recent on public.calls would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of ended_at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'calls_ended_recent' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "calls_ended_recent" ON "public"."calls" USING btree ("ended_at" DESC) WHERE (ended_at IS NOT NULL);
\endif
SET statement_timeout = '60s';
