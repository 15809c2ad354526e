-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  3 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/3] functions: create function public.validate_custom_id(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'validate_custom_id' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = E'CREATE OR REPLACE FUNCTION public.validate_custom_id(val text)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
  RETURN val IS NOT NULL AND val LIKE ''id\\_%'' AND length(val) >= 5;
END
$function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE E'CREATE OR REPLACE FUNCTION public.validate_custom_id(val text)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
  RETURN val IS NOT NULL AND val LIKE ''id\\_%'' AND length(val) >= 5;
END
$function$
'; END $reconcile$;
\endif

-- [2/3] functions: create domain public.custom_id
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'custom_id' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'text' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['custom_id_check:CHECK (public.validate_custom_id(VALUE))']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE DOMAIN "public"."custom_id" AS text CONSTRAINT "custom_id_check" CHECK (public.validate_custom_id(VALUE));
\endif

-- [3/3] columns: add column public.widget.ext_id
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."widget" ADD COLUMN IF NOT EXISTS "ext_id" public.custom_id;

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."widget"') AND attname = 'ext_id' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'custom_id' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'text' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['custom_id_check:CHECK (public.validate_custom_id(VALUE))']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'validate_custom_id' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = E'CREATE OR REPLACE FUNCTION public.validate_custom_id(val text)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
BEGIN
  RETURN val IS NOT NULL AND val LIKE ''id\\_%'' AND length(val) >= 5;
END
$function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
