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

-- [1/2] validate: check rows of public.discount column rate against check percent_range of domain public.percent
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'percent' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.conname = 'percent_range' AND NOT k.convalidated))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM ONLY "public"."discount" WHERE NOT ((("rate" >= (0)::numeric) AND ("rate" <= (100)::numeric))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check percent_range of domain public.percent cannot be validated: rows of public.discount violate it in column rate: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM ONLY "public"."discount" WHERE NOT ((("rate" >= (0)::numeric) AND ("rate" <= (100)::numeric))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/2] validate: validate check percent_range of domain public.percent (scans every column of the domain)
-- lock: SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'percent' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.conname = 'percent_range' AND NOT k.convalidated))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DOMAIN "public"."percent" VALIDATE CONSTRAINT "percent_range";
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'percent' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'public') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'numeric(5,2)' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['percent_range:CHECK (((VALUE >= (0)::numeric) AND (VALUE <= (100)::numeric)))']::text[])) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
