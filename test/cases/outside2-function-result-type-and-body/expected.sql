-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  2 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/2] functions: replace the definition of function s.f()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 's' AND p.proname = 'f' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION s.f()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 2$function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION s.f()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 2$function$
'; END $reconcile$;
\endif

-- [2/2] functions: drop and create function s.g() (its arguments or result change)
-- lock: none
-- HAZARD (replace): function s.g() changes its arguments, result or kind, which CREATE OR REPLACE cannot do: it is dropped and created again (without CASCADE: the drop fails if anything else depends on it)
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 's' AND p.proname = 'g' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION s.g()
 RETURNS bigint
 LANGUAGE sql
AS $function$SELECT 1$function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP FUNCTION "s"."g"()'; EXECUTE 'CREATE OR REPLACE FUNCTION s.g()
 RETURNS bigint
 LANGUAGE sql
AS $function$SELECT 1$function$
'; END $reconcile$;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 's' AND p.proname = 'f' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION s.f()
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT 2$function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 's' AND p.proname = 'g' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION s.g()
 RETURNS bigint
 LANGUAGE sql
AS $function$SELECT 1$function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
