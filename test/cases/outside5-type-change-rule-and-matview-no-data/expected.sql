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

-- [1/1] fixes: change type of public.price.sku from character varying(20) to character varying(64), dropping and creating again materialized view public.price_by_sku, rule price_log_update on public.price
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace): materialized view public.price_by_sku reads public.price.sku, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
-- HAZARD (replace): rule price_log_update on public.price reads public.price.sku, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."price"') AND a.attname = 'sku' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(20)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP RULE "price_log_update" ON "public"."price"'; EXECUTE 'DROP MATERIALIZED VIEW "public"."price_by_sku"'; EXECUTE 'ALTER TABLE "public"."price" ALTER COLUMN "sku" TYPE character varying(64)'; EXECUTE 'CREATE MATERIALIZED VIEW "public"."price_by_sku" AS SELECT sku,
    cents
   FROM public.price WITH NO DATA'; EXECUTE 'CREATE OR REPLACE RULE price_log_update AS
    ON UPDATE TO public.price
   WHERE (old.cents <> new.cents) DO  INSERT INTO public.price_log (sku, old_cents, new_cents)
  VALUES (new.sku, old.cents, new.cents)'; END $reconcile$;
\endif
