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

-- [1/4] fixes: drop index users_display_name_idx on public.users before the type change (built again after it)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index users_display_name_idx on public.users would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of display_name; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
-- HAZARD (rewrite): public.users.login: the table is not rewritten, but PostgreSQL rebuilds the constraint index users_login_key under the ACCESS EXCLUSIVE lock (measured about 0.25 s per million rows on PostgreSQL 18)
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."users"') AND a.attname = 'login' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'text' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."users"') AND a.attname = 'display_name' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'text' AND a.attcollation = pg_catalog.to_regcollation('"C"'))) AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'users_display_name_idx')) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."users_display_name_idx";
\endif

-- [2/4] fixes: change types of public.users: login, display_name (no rewrite)
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (replace-index): index users_display_name_idx on public.users would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of display_name; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
-- HAZARD (rewrite): public.users.login: the table is not rewritten, but PostgreSQL rebuilds the constraint index users_login_key under the ACCESS EXCLUSIVE lock (measured about 0.25 s per million rows on PostgreSQL 18)
SET statement_timeout = 0;
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."users"') AND a.attname = 'login' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'text' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."users"') AND a.attname = 'display_name' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'text' AND a.attcollation = pg_catalog.to_regcollation('"C"')))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."users" ALTER COLUMN "login" TYPE text COLLATE "C",
  ALTER COLUMN "display_name" TYPE text COLLATE "POSIX";
\endif
SET statement_timeout = '60s';

-- [3/4] fixes: drop invalid leftover index users_display_name_idx on public.users
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index users_display_name_idx on public.users would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of display_name; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
-- HAZARD (rewrite): public.users.login: the table is not rewritten, but PostgreSQL rebuilds the constraint index users_login_key under the ACCESS EXCLUSIVE lock (measured about 0.25 s per million rows on PostgreSQL 18)
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'users_display_name_idx' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."users_display_name_idx";
\endif

-- [4/4] fixes: create index users_display_name_idx on public.users concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index users_display_name_idx on public.users would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of display_name; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
-- HAZARD (rewrite): public.users.login: the table is not rewritten, but PostgreSQL rebuilds the constraint index users_login_key under the ACCESS EXCLUSIVE lock (measured about 0.25 s per million rows on PostgreSQL 18)
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'users_display_name_idx' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_display_name_idx" ON "public"."users" USING btree ("display_name");
\endif
SET statement_timeout = '60s';
