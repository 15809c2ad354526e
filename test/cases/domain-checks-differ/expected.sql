-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  4 (withheld for hazards: 1)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/4] types: alter domain public.quantity (default, not null, checks)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'quantity' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'integer' AND t.typnotnull = true AND t.typdefault IS NOT DISTINCT FROM '1' AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['quantity_range:CHECK (((VALUE >= 0) AND (VALUE < 100000)))']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'ALTER DOMAIN "public"."quantity" SET DEFAULT 1'; EXECUTE 'ALTER DOMAIN "public"."quantity" DROP CONSTRAINT "quantity_range"'; EXECUTE 'ALTER DOMAIN "public"."quantity" ADD CONSTRAINT "quantity_range" CHECK (((VALUE >= 0) AND (VALUE < 100000))) NOT VALID'; END $reconcile$;
\endif

-- [2/4] validate: check rows of public.line_item column qty against check quantity_range of domain public.quantity
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'quantity' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.conname = 'quantity_range' AND NOT k.convalidated))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM ONLY "public"."line_item" WHERE NOT ((("qty" >= 0) AND ("qty" < 100000))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check quantity_range of domain public.quantity cannot be validated: rows of public.line_item violate it in column qty: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM ONLY "public"."line_item" WHERE NOT ((("qty" >= 0) AND ("qty" < 100000))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/4] validate: validate check quantity_range of domain public.quantity (scans every column of the domain)
-- lock: SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'quantity' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.conname = 'quantity_range' AND NOT k.convalidated))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DOMAIN "public"."quantity" VALIDATE CONSTRAINT "quantity_range";
\endif
SET statement_timeout = '60s';

-- [4/4] validate: set NOT NULL on domain public.quantity (checks every column of the domain for NULLs)
-- lock: SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'quantity' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND NOT t.typnotnull)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DOMAIN "public"."quantity" SET NOT NULL;
\endif
SET statement_timeout = '60s';

-- WITHHELD (drop; allow with --allow-hazards): drop check sku_short of domain public.sku (the model lacks it)
-- ALTER DOMAIN "public"."sku" DROP CONSTRAINT IF EXISTS "sku_short";

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'quantity' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'integer' AND t.typnotnull = true AND t.typdefault IS NOT DISTINCT FROM '1' AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['quantity_range:CHECK (((VALUE >= 0) AND (VALUE < 100000)))']::text[])) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
