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

-- [1/1] fixes: change type of public.documents.tenant from character varying(20) to character varying(64), dropping and creating again policy documents_tenant on public.documents
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'tenant' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(20)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP POLICY "documents_tenant" ON "public"."documents"'; EXECUTE 'ALTER TABLE "public"."documents" ALTER COLUMN "tenant" TYPE character varying(64)'; EXECUTE 'CREATE POLICY "documents_tenant" ON "public"."documents" AS PERMISSIVE FOR ALL TO PUBLIC USING (((tenant)::text = current_setting(''app.tenant''::text, true)))'; END $reconcile$;
\endif
