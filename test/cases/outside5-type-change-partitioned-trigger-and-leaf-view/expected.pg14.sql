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

-- [1/1] fixes: change type of public.reading.sensor from character varying(12) to character varying(40), dropping and creating again trigger reading_sensor_set on public.reading, view public.reading_2026_sensors
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace): view public.reading_2026_sensors reads public.reading.sensor, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."reading"') AND a.attname = 'sensor' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(12)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP VIEW "public"."reading_2026_sensors"'; EXECUTE 'DROP TRIGGER "reading_sensor_set" ON "public"."reading"'; EXECUTE 'ALTER TABLE "public"."reading" ALTER COLUMN "sensor" TYPE character varying(40)'; EXECUTE 'CREATE TRIGGER reading_sensor_set BEFORE UPDATE ON public.reading FOR EACH ROW WHEN (((old.sensor)::text IS DISTINCT FROM (new.sensor)::text)) EXECUTE FUNCTION public.reading_check()'; EXECUTE 'CREATE VIEW "public"."reading_2026_sensors" AS SELECT DISTINCT reading_2026.sensor
   FROM public.reading_2026'; END $reconcile$;
\endif
