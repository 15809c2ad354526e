-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  1 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/1] functions: replace the definition of function public.list_items(text, integer)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'list_items' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text, integer' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.list_items(search text, page_size integer DEFAULT 25)
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT id FROM items WHERE name LIKE search || ''%'' ORDER BY id LIMIT page_size $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.list_items(search text, page_size integer DEFAULT 25)
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT id FROM items WHERE name LIKE search || ''%'' ORDER BY id LIMIT page_size $function$
'; END $reconcile$;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'list_items' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text, integer' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.list_items(search text, page_size integer DEFAULT 25)
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT id FROM items WHERE name LIKE search || ''%'' ORDER BY id LIMIT page_size $function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
