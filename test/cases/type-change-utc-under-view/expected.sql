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

-- [1/4] fixes: drop index event_at on public.event before the type change (built again after it)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index event_at on public.event would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
-- HAZARD (replace): view public.recent_event reads public.event.at, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."event"') AND a.attname = 'at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)) AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'event_at')) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."event_at";
\endif

-- [2/4] fixes: change type of public.event.at from timestamp without time zone to timestamp with time zone (no rewrite, under TimeZone UTC), dropping and creating again view public.recent_event
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace-index): index event_at on public.event would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
-- HAZARD (replace): view public.recent_event reads public.event.at, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."event"') AND a.attname = 'at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile0$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP VIEW "public"."recent_event"'; EXECUTE 'DO $reconcile$
BEGIN
  SET LOCAL TimeZone = ''UTC'';
  ALTER TABLE "public"."event" ALTER COLUMN "at" TYPE timestamp with time zone;
END
$reconcile$'; EXECUTE 'CREATE VIEW "public"."recent_event" AS SELECT id,
    at
   FROM public.event
  WHERE (kind = ''login''::text)'; END $reconcile0$;
\endif

-- [3/4] fixes: drop invalid leftover index event_at on public.event
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index event_at on public.event would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
-- HAZARD (replace): view public.recent_event reads public.event.at, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'event_at' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."event_at";
\endif

-- [4/4] fixes: create index event_at on public.event concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index event_at on public.event would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of at; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends
-- HAZARD (replace): view public.recent_event reads public.event.at, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'event_at' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "event_at" ON "public"."event" USING btree ("at");
\endif
SET statement_timeout = '60s';
