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

-- [1/2] types: create composite type api.account_row
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'account_row' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'api') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id integer', 'name text', 'balance numeric']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TYPE "api"."account_row" AS ("id" integer, "name" text, "balance" numeric);
\endif

-- [2/2] functions: create function api.rich_accounts(numeric)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'api' AND p.proname = 'rich_accounts' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION api.rich_accounts(min_balance numeric)
 RETURNS SETOF api.account_row
 LANGUAGE sql
 STABLE
AS $function$
  SELECT id, name, balance FROM public.account WHERE balance >= min_balance
$function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION api.rich_accounts(min_balance numeric)
 RETURNS SETOF api.account_row
 LANGUAGE sql
 STABLE
AS $function$
  SELECT id, name, balance FROM public.account WHERE balance >= min_balance
$function$
'; END $reconcile$;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'account_row' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'api') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id integer', 'name text', 'balance numeric']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'api' AND p.proname = 'rich_accounts' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION api.rich_accounts(min_balance numeric)
 RETURNS SETOF api.account_row
 LANGUAGE sql
 STABLE
AS $function$
  SELECT id, name, balance FROM public.account WHERE balance >= min_balance
$function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
