-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  4 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/4] functions: create function public.is_valid_sku(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'is_valid_sku' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.is_valid_sku(s text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT s ~ ''^[A-Z]{3}-[0-9]{4}$'' $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.is_valid_sku(s text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT s ~ ''^[A-Z]{3}-[0-9]{4}$'' $function$
'; END $reconcile$;
\endif

-- [2/4] constraints: check rows of public.product against product_sku_format
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."product"') AND conname = 'product_sku_format' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."product" WHERE NOT ((public.is_valid_sku(sku))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check product_sku_format on public.product cannot be validated: rows violate (public.is_valid_sku(sku)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."product" WHERE NOT ((public.is_valid_sku(sku))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/4] constraints: add check product_sku_format on public.product (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."product"') AND c.contype = 'c' AND c.conname = 'product_sku_format' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK (public.is_valid_sku(sku))' AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."product" ADD CONSTRAINT "product_sku_format" CHECK (public.is_valid_sku(sku)) NOT VALID;
\endif

-- [4/4] validate: validate check product_sku_format on public.product
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."product" VALIDATE CONSTRAINT "product_sku_format";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."product"') AND c.contype = 'c' AND c.conname = 'product_sku_format' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK (public.is_valid_sku(sku))' AND c.convalidated AND NOT c.connoinherit)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'is_valid_sku' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.is_valid_sku(s text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT s ~ ''^[A-Z]{3}-[0-9]{4}$'' $function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
