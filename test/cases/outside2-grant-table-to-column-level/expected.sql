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

-- [1/1] grants: grant UPDATE on column public.sometable.somecolumn to reconcile_case_app_user
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT a.attacl FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."sometable"') AND a.attname = 'somecolumn' AND NOT a.attisdropped)) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_app_user') AND e.privilege_type = 'UPDATE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT UPDATE ("somecolumn") ON TABLE "public"."sometable" TO "reconcile_case_app_user";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT a.attacl FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."sometable"') AND a.attname = 'somecolumn' AND NOT a.attisdropped)) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_app_user') AND e.privilege_type = 'UPDATE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;

-- NOTE: grant UPDATE on table public.sometable to reconcile_case_app_user is in the live database, not in the model: kept, but it changes who may read or write which rows (security-relevant)
