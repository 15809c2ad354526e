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

-- [1/3] fixes: change type of public.customer.country_code from character varying(2) to character varying(3), dropping and creating again materialized view public.customer_per_country, view public.customer_countries
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (replace): materialized view public.customer_per_country reads public.customer.country_code, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
-- HAZARD (refresh): materialized view public.customer_per_country is populated again (its whole query runs) under the type change's lock
-- HAZARD (replace): view public.customer_countries reads public.customer.country_code, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."customer"') AND a.attname = 'country_code' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(2)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP VIEW "public"."customer_countries"'; EXECUTE 'DROP MATERIALIZED VIEW "public"."customer_per_country"'; EXECUTE 'ALTER TABLE "public"."customer" ALTER COLUMN "country_code" TYPE character varying(3)'; EXECUTE 'CREATE MATERIALIZED VIEW "public"."customer_per_country" AS SELECT customer.country_code,
    count(*) AS n
   FROM public.customer
  GROUP BY customer.country_code WITH DATA'; EXECUTE 'CREATE VIEW "public"."customer_countries" AS SELECT DISTINCT customer.country_code
   FROM public.customer'; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/3] view-indexes: drop invalid leftover index customer_per_country_code on materialized view public.customer_per_country (again, after the type change)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace): materialized view public.customer_per_country reads public.customer.country_code, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
-- HAZARD (refresh): materialized view public.customer_per_country is populated again (its whole query runs) under the type change's lock
-- HAZARD (replace): view public.customer_countries reads public.customer.country_code, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'customer_per_country_code' AND x.indrelid = pg_catalog.to_regclass('"public"."customer_per_country"') AND NOT x.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."customer_per_country_code";
\endif

-- [3/3] view-indexes: create index customer_per_country_code on materialized view public.customer_per_country concurrently (again, after the type change)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace): materialized view public.customer_per_country reads public.customer.country_code, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
-- HAZARD (refresh): materialized view public.customer_per_country is populated again (its whole query runs) under the type change's lock
-- HAZARD (replace): view public.customer_countries reads public.customer.country_code, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'customer_per_country_code' AND x.indrelid = pg_catalog.to_regclass('"public"."customer_per_country"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE UNIQUE INDEX ON public.customer_per_country USING btree (country_code)')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "customer_per_country_code" ON public.customer_per_country USING btree (country_code);
\endif
SET statement_timeout = '60s';
