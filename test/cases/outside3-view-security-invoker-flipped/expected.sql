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

-- [1/3] views: set the options of view public.owners (security_barrier=true)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'owners' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['security_barrier=true', 'security_invoker=true']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['owner text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT DISTINCT owner
   FROM public.packages'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER VIEW "public"."owners" SET (security_barrier=true);
\endif

-- [2/3] views: set the options of view public.package_list (security_invoker=true)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'package_list' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['security_invoker=true']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'name text', 'owner text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT id,
    name,
    owner
   FROM public.packages'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER VIEW "public"."package_list" SET (security_invoker=true);
\endif

-- [3/3] views: set the options of view public.public_packages (security_invoker=false)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'public_packages' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['security_invoker=false']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'name text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT id,
    name
   FROM public.packages
  WHERE (NOT private)'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER VIEW "public"."public_packages" SET (security_invoker=false);
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'owners' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['security_barrier=true', 'security_invoker=true']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['owner text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT DISTINCT owner
   FROM public.packages'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'package_list' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['security_invoker=true']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'name text', 'owner text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT id,
    name,
    owner
   FROM public.packages'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'public_packages' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['security_invoker=false']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'name text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT id,
    name
   FROM public.packages
  WHERE (NOT private)'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
