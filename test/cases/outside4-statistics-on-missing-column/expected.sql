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

-- [1/2] columns: add column public.address.country
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."address" ADD COLUMN IF NOT EXISTS "country" text DEFAULT 'NL'::text NOT NULL;

-- [2/2] indexes: create statistics public.address_city_zip_country on public.address
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_statistic_ext s WHERE s.stxname = 'address_city_zip_country' AND s.stxnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND true)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE STATISTICS public.address_city_zip_country (ndistinct, dependencies) ON city, zip, country FROM public.address;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."address"') AND attname = 'country' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_statistic_ext s WHERE s.stxname = 'address_city_zip_country' AND s.stxnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND pg_catalog.pg_get_statisticsobjdef(s.oid) = 'CREATE STATISTICS public.address_city_zip_country (ndistinct, dependencies) ON city, zip, country FROM public.address' AND coalesce(s.stxstattarget::int, -1) = -1)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
