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

-- [1/2] views: drop and create view app.cheap (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end)
-- lock: none
-- HAZARD (replace): view app.cheap is dropped and created again (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end) (without CASCADE: the drop fails if anything else depends on it)
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relname = 'cheap' AND c.relkind = 'v' AND pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT items.id,
    items.name,
    items.price
   FROM app.items
  WHERE (items.price < (10)::numeric)' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'name text', 'price numeric']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP VIEW "app"."cheap"'; EXECUTE 'CREATE VIEW "app"."cheap" AS SELECT items.id,
    items.price
   FROM app.items
  WHERE (items.price < (10)::numeric)'; END $reconcile$;
\endif

-- [2/2] triggers: create trigger cheap_ins on app.cheap (again, after the drop and create)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"app"."cheap"') AND t.tgname = 'cheap_ins' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER cheap_ins INSTEAD OF INSERT ON app.cheap FOR EACH ROW EXECUTE FUNCTION app.cheap_insert()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER cheap_ins INSTEAD OF INSERT ON app.cheap FOR EACH ROW EXECUTE FUNCTION app.cheap_insert();
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relname = 'cheap' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'price numeric']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT items.id,
    items.price
   FROM app.items
  WHERE (items.price < (10)::numeric)'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
