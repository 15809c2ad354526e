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

-- [1/1] fixes: change type of public.product.sku from character varying(16) to character varying(32), dropping and creating again function public.product_sku(bigint)
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace): function public.product_sku(bigint) reads public.product.sku, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."product"') AND a.attname = 'sku' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(16)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile0$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP FUNCTION "public"."product_sku"(p bigint)'; EXECUTE 'ALTER TABLE "public"."product" ALTER COLUMN "sku" TYPE character varying(32)'; EXECUTE 'DO $reconcile$ BEGIN PERFORM pg_catalog.set_config(''check_function_bodies'', ''off'', true); EXECUTE ''CREATE OR REPLACE FUNCTION public.product_sku(p bigint)
 RETURNS text
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT product.sku
    FROM public.product
   WHERE (product.id = product_sku.p);
END
''; END $reconcile$'; END $reconcile0$;
\endif
