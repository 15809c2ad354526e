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

-- [1/2] types: alter domain script_column_domain.positive_int (default, not null)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'positive_int' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'script_column_domain') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'bigint' AND t.typnotnull = true AND t.typdefault IS NOT DISTINCT FROM '1' AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['positive_int_check:CHECK ((VALUE > 0))']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'ALTER DOMAIN "script_column_domain"."positive_int" SET DEFAULT 1'; END $reconcile$;
\endif

-- [2/2] validate: set NOT NULL on domain script_column_domain.positive_int (checks every column of the domain for NULLs)
-- lock: SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'positive_int' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'script_column_domain') AND NOT t.typnotnull)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DOMAIN "script_column_domain"."positive_int" SET NOT NULL;
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'positive_int' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'script_column_domain') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'bigint' AND t.typnotnull = true AND t.typdefault IS NOT DISTINCT FROM '1' AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['positive_int_check:CHECK ((VALUE > 0))']::text[])) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
