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

-- [1/2] views: set the options of view public.my_tasks (no check_option)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'my_tasks' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'owner text', 'priority integer', 'done boolean']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT tasks.id,
    tasks.owner,
    tasks.priority,
    tasks.done
   FROM public.tasks
  WHERE (tasks.owner = CURRENT_USER)'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER VIEW "public"."my_tasks" RESET (check_option);
\endif

-- [2/2] views: set the options of view public.urgent_open_tasks (check_option=cascaded)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'urgent_open_tasks' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['check_option=cascaded']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'owner text', 'priority integer', 'done boolean']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT open_tasks.id,
    open_tasks.owner,
    open_tasks.priority,
    open_tasks.done
   FROM public.open_tasks
  WHERE (open_tasks.priority >= 8)'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER VIEW "public"."urgent_open_tasks" SET (check_option=cascaded);
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'my_tasks' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'owner text', 'priority integer', 'done boolean']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT tasks.id,
    tasks.owner,
    tasks.priority,
    tasks.done
   FROM public.tasks
  WHERE (tasks.owner = CURRENT_USER)'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'urgent_open_tasks' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['check_option=cascaded']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'owner text', 'priority integer', 'done boolean']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT open_tasks.id,
    open_tasks.owner,
    open_tasks.priority,
    open_tasks.done
   FROM public.open_tasks
  WHERE (open_tasks.priority >= 8)'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
