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

-- [1/2] functions: create function public.double_it(bigint)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'double_it' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'bigint' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.double_it(n bigint)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT n * 2 $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.double_it(n bigint)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT n * 2 $function$
'; END $reconcile$;
\endif

-- [2/2] functions: drop and create function public.greet(text) (its arguments or result change)
-- lock: none
-- HAZARD (replace): function public.greet(text) changes its arguments, result or kind, which CREATE OR REPLACE cannot do: it is dropped and created again (without CASCADE: the drop fails if anything else depends on it)
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'greet' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.greet(person_name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ''hello '' || person_name $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP FUNCTION "public"."greet"(name text)'; EXECUTE 'CREATE OR REPLACE FUNCTION public.greet(person_name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ''hello '' || person_name $function$
'; END $reconcile$;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'double_it' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'bigint' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.double_it(n bigint)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT n * 2 $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'greet' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.greet(person_name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ''hello '' || person_name $function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
