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

-- [1/1] fixes: change type of public.city.name from character varying(40) to character varying(80), dropping and creating again view public.city_names, view public.city_names_upper, view public.city_short
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace): view public.city_names reads public.city.name, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
-- HAZARD (replace): view public.city_names_upper reads public.city.name, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
-- HAZARD (replace): view public.city_short reads public.city.name, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."city"') AND a.attname = 'name' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(40)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP VIEW "public"."city_short"'; EXECUTE 'DROP VIEW "public"."city_names_upper"'; EXECUTE 'DROP VIEW "public"."city_names"'; EXECUTE 'ALTER TABLE "public"."city" ALTER COLUMN "name" TYPE character varying(80)'; EXECUTE 'CREATE VIEW "public"."city_names" AS SELECT id,
    name
   FROM public.city'; EXECUTE 'CREATE VIEW "public"."city_names_upper" AS SELECT id,
    upper((name)::text) AS name
   FROM public.city_names'; EXECUTE 'CREATE VIEW "public"."city_short" AS SELECT id,
    name
   FROM public.city
  WHERE (length((name)::text) < 10)'; EXECUTE 'COMMENT ON VIEW "public"."city_names" IS ''names only'''; EXECUTE 'COMMENT ON VIEW "public"."city_names_upper" IS ''shouting'''; EXECUTE 'GRANT SELECT ON TABLE "public"."city_names" TO PUBLIC'; END $reconcile$;
\endif
