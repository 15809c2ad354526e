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

-- [1/3] columns: add column public.item.note
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."item" ADD COLUMN IF NOT EXISTS "note" text;

-- [2/3] views: drop and create view public.item_extended (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end)
-- lock: none
-- HAZARD (replace): view public.item_extended is dropped and created again (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end), with what depends on it, created again as declared: view public.item_extended_open
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'item_extended' AND c.relkind = 'v' AND pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT i.id,
    i.title,
    i.status,
    c.name AS category_name
   FROM (public.item i
     JOIN public.category c ON ((c.id = i.id)))' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'title text', 'status text', 'category_name text']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP VIEW "public"."item_extended_open"'; EXECUTE 'DROP VIEW "public"."item_extended"'; EXECUTE 'CREATE VIEW "public"."item_extended" AS SELECT i.id,
    i.title,
    i.status,
    i.note,
    c.name AS category_name
   FROM (public.item i
     JOIN public.category c ON ((c.id = i.id)))'; EXECUTE 'CREATE VIEW "public"."item_extended_open" AS SELECT item_extended.id,
    item_extended.title,
    item_extended.note,
    item_extended.category_name
   FROM public.item_extended
  WHERE (item_extended.status <> ''done''::text)'; END $reconcile$;
\endif

-- [3/3] views: drop and create view public.item_extended_open (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end)
-- lock: none
-- HAZARD (replace): view public.item_extended_open is dropped and created again (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end) (without CASCADE: the drop fails if anything else depends on it)
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'item_extended_open' AND c.relkind = 'v' AND pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT item_extended.id,
    item_extended.title,
    item_extended.category_name
   FROM public.item_extended
  WHERE (item_extended.status <> ''done''::text)' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'title text', 'category_name text']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP VIEW "public"."item_extended_open"'; EXECUTE 'CREATE VIEW "public"."item_extended_open" AS SELECT item_extended.id,
    item_extended.title,
    item_extended.note,
    item_extended.category_name
   FROM public.item_extended
  WHERE (item_extended.status <> ''done''::text)'; END $reconcile$;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."item"') AND attname = 'note' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'item_extended' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'title text', 'status text', 'note text', 'category_name text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT i.id,
    i.title,
    i.status,
    i.note,
    c.name AS category_name
   FROM (public.item i
     JOIN public.category c ON ((c.id = i.id)))'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'item_extended_open' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'title text', 'note text', 'category_name text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT item_extended.id,
    item_extended.title,
    item_extended.note,
    item_extended.category_name
   FROM public.item_extended
  WHERE (item_extended.status <> ''done''::text)'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
