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

-- [1/2] functions: create function public.tag_ids(text[])
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'tag_ids' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text[]' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.tag_ids(VARIADIC names text[])
 RETURNS integer[]
 LANGUAGE sql
 STABLE
AS $function$ SELECT array_agg(id ORDER BY id) FROM tags WHERE name = ANY(names) $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.tag_ids(VARIADIC names text[])
 RETURNS integer[]
 LANGUAGE sql
 STABLE
AS $function$ SELECT array_agg(id ORDER BY id) FROM tags WHERE name = ANY(names) $function$
'; END $reconcile$;
\endif

-- [2/2] functions: create function public.tag_stats()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'tag_stats' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.tag_stats(OUT total bigint, OUT longest text)
 RETURNS record
 LANGUAGE sql
 STABLE
AS $function$ SELECT count(*), max(name) FROM tags $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.tag_stats(OUT total bigint, OUT longest text)
 RETURNS record
 LANGUAGE sql
 STABLE
AS $function$ SELECT count(*), max(name) FROM tags $function$
'; END $reconcile$;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'tag_ids' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text[]' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.tag_ids(VARIADIC names text[])
 RETURNS integer[]
 LANGUAGE sql
 STABLE
AS $function$ SELECT array_agg(id ORDER BY id) FROM tags WHERE name = ANY(names) $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'tag_stats' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.tag_stats(OUT total bigint, OUT longest text)
 RETURNS record
 LANGUAGE sql
 STABLE
AS $function$ SELECT count(*), max(name) FROM tags $function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
