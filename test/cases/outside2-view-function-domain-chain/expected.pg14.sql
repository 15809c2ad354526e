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

-- [1/3] types: create domain fin.amount
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'amount' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'fin') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'numeric(12,2)' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['amount_check:CHECK ((VALUE >= (0)::numeric))']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE DOMAIN "fin"."amount" AS numeric(12,2) CONSTRAINT "amount_check" CHECK ((VALUE >= (0)::numeric));
\endif

-- [2/3] functions: create function fin.to_amount(numeric)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'fin' AND p.proname = 'to_amount' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION fin.to_amount(v numeric)
 RETURNS fin.amount
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT greatest(v, 0)::fin.amount $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION fin.to_amount(v numeric)
 RETURNS fin.amount
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT greatest(v, 0)::fin.amount $function$
'; END $reconcile$;
\endif

-- [3/3] views: create view public.invoice_amounts
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'invoice_amounts' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id integer', 'amount fin.amount']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT invoice.id,
    fin.to_amount(invoice.total) AS amount
   FROM public.invoice'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE VIEW "public"."invoice_amounts" AS SELECT invoice.id,
    fin.to_amount(invoice.total) AS amount
   FROM public.invoice;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'amount' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'fin') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'numeric(12,2)' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['amount_check:CHECK ((VALUE >= (0)::numeric))']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'fin' AND p.proname = 'to_amount' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION fin.to_amount(v numeric)
 RETURNS fin.amount
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT greatest(v, 0)::fin.amount $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'invoice_amounts' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id integer', 'amount fin.amount']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT invoice.id,
    fin.to_amount(invoice.total) AS amount
   FROM public.invoice'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
