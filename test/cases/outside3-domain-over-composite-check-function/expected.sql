-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  5 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/5] types: create composite type app.semver_struct
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'semver_struct' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['major smallint', 'minor smallint', 'patch smallint']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TYPE "app"."semver_struct" AS ("major" smallint, "minor" smallint, "patch" smallint);
\endif

-- [2/5] functions: create function app.is_valid(app.semver_struct)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'is_valid' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'app.semver_struct' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.is_valid(app.semver_struct)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ($1).major IS NOT NULL AND ($1).minor IS NOT NULL AND ($1).patch IS NOT NULL $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION app.is_valid(app.semver_struct)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ($1).major IS NOT NULL AND ($1).minor IS NOT NULL AND ($1).patch IS NOT NULL $function$
'; END $reconcile$;
\endif

-- [3/5] functions: create domain app.semver
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'semver' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'app.semver_struct' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['semver_check:CHECK (app.is_valid(VALUE))']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE DOMAIN "app"."semver" AS app.semver_struct CONSTRAINT "semver_check" CHECK (app.is_valid(VALUE));
\endif

-- [4/5] functions: create function app.semver_text(app.semver)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'semver_text' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'app.semver' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.semver_text(app.semver)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT format(''%s.%s.%s'', ($1).major, ($1).minor, ($1).patch) $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION app.semver_text(app.semver)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT format(''%s.%s.%s'', ($1).major, ($1).minor, ($1).patch) $function$
'; END $reconcile$;
\endif

-- [5/5] columns: add column app.releases.version
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "app"."releases" ADD COLUMN IF NOT EXISTS "version" app.semver;

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"app"."releases"') AND attname = 'version' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'semver' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'app.semver_struct' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['semver_check:CHECK (app.is_valid(VALUE))']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'semver_struct' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['major smallint', 'minor smallint', 'patch smallint']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'is_valid' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'app.semver_struct' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.is_valid(app.semver_struct)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ($1).major IS NOT NULL AND ($1).minor IS NOT NULL AND ($1).patch IS NOT NULL $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'semver_text' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'app.semver' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.semver_text(app.semver)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT format(''%s.%s.%s'', ($1).major, ($1).minor, ($1).patch) $function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
