-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  6 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/6] types: add postcode, country to composite type billing.address
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'address' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'billing') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['street text', 'city text', 'postcode text', 'country text']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TYPE "billing"."address" ADD ATTRIBUTE "postcode" text, ADD ATTRIBUTE "country" text;
\endif

-- [2/6] types: create composite type billing.money_amount
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'money_amount' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'billing') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['amount billing.cents', 'currency character(3)']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TYPE "billing"."money_amount" AS ("amount" billing.cents, "currency" character(3));
\endif

-- [3/6] types: create composite type billing.line
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'line' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'billing') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['sku text COLLATE "C"', 'price billing.money_amount', 'qty integer']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TYPE "billing"."line" AS ("sku" text COLLATE "C", "price" billing.money_amount, "qty" integer);
\endif

-- [4/6] types: drop and create composite type billing.range_pair (its attributes differ)
-- lock: none
-- HAZARD (replace): composite type billing.range_pair is dropped and created again (an attribute changes type or place, or is removed); it fails, changing nothing, while a column or function uses it
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'range_pair' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'billing') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['low numeric', 'high numeric']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'DROP TYPE "billing"."range_pair"'; EXECUTE 'CREATE TYPE "billing"."range_pair" AS ("low" numeric, "high" numeric)'; END $reconcile$;
\endif

-- [5/6] functions: create function billing.line_total(billing.line)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'billing' AND p.proname = 'line_total' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'billing.line' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION billing.line_total(l billing.line)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ((l.price).amount * l.qty)::bigint $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION billing.line_total(l billing.line)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ((l.price).amount * l.qty)::bigint $function$
'; END $reconcile$;
\endif

-- [6/6] tables: create table billing.invoices
-- lock: none
CREATE TABLE IF NOT EXISTS "billing"."invoices" (
  "id" bigint NOT NULL,
  "lines" billing.line[] DEFAULT '{}'::billing.line[] NOT NULL,
  CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"billing"."invoices"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'address' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'billing') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['street text', 'city text', 'postcode text', 'country text']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'line' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'billing') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['sku text COLLATE "C"', 'price billing.money_amount', 'qty integer']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'money_amount' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'billing') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['amount billing.cents', 'currency character(3)']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' WHERE t.typname = 'range_pair' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'billing') AND ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (CASE WHEN a.attcollation <> 0 AND a.attcollation IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = a.atttypid) THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END), '') FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['low numeric', 'high numeric']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'billing' AND p.proname = 'line_total' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'billing.line' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION billing.line_total(l billing.line)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ((l.price).amount * l.qty)::bigint $function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
