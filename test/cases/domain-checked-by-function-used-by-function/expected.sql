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

-- [1/5] functions: create function app.z_is_code(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'z_is_code' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.z_is_code(t text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT t ~ ''^[A-Z]{3}[0-9]{2}$'' $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION app.z_is_code(t text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT t ~ ''^[A-Z]{3}[0-9]{2}$'' $function$
'; END $reconcile$;
\endif

-- [2/5] functions: create domain app.m_code
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'm_code' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'text' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['m_code_check:CHECK (app.z_is_code(VALUE))']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE DOMAIN "app"."m_code" AS text CONSTRAINT "m_code_check" CHECK (app.z_is_code(VALUE));
\endif

-- [3/5] functions: create function app.a_normalize(app.m_code)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'a_normalize' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'app.m_code' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.a_normalize(c app.m_code)
 RETURNS app.m_code
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT upper(c)::app.m_code $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION app.a_normalize(c app.m_code)
 RETURNS app.m_code
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT upper(c)::app.m_code $function$
'; END $reconcile$;
\endif

-- [4/5] functions: create function app.b_prefix(app.m_code)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'b_prefix' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'app.m_code' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.b_prefix(c app.m_code)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT left(c, 3) $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION app.b_prefix(c app.m_code)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT left(c, 3) $function$
'; END $reconcile$;
\endif

-- [5/5] columns: add column app.items.code
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "app"."items" ADD COLUMN IF NOT EXISTS "code" app.m_code;

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"app"."items"') AND attname = 'code' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'm_code' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'text' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['m_code_check:CHECK (app.z_is_code(VALUE))']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'a_normalize' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'app.m_code' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.a_normalize(c app.m_code)
 RETURNS app.m_code
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT upper(c)::app.m_code $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'b_prefix' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'app.m_code' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.b_prefix(c app.m_code)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT left(c, 3) $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app' AND p.proname = 'z_is_code' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION app.z_is_code(t text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT t ~ ''^[A-Z]{3}[0-9]{2}$'' $function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
