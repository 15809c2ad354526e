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

-- [1/1] fixes: change type of public.account.email from character varying(120) to character varying(320), dropping and creating again trigger account_email_audit on public.account, trigger account_email_changed on public.account
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."account"') AND a.attname = 'email' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(120)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP TRIGGER "account_email_changed" ON "public"."account"'; EXECUTE 'DROP TRIGGER "account_email_audit" ON "public"."account"'; EXECUTE 'ALTER TABLE "public"."account" ALTER COLUMN "email" TYPE character varying(320)'; EXECUTE 'CREATE TRIGGER account_email_audit AFTER UPDATE OF email ON public.account FOR EACH ROW EXECUTE FUNCTION public.account_touch()'; EXECUTE 'ALTER TABLE "public"."account" DISABLE TRIGGER "account_email_audit"'; EXECUTE 'CREATE TRIGGER account_email_changed BEFORE UPDATE ON public.account FOR EACH ROW WHEN (((old.email)::text IS DISTINCT FROM (new.email)::text)) EXECUTE FUNCTION public.account_touch()'; EXECUTE 'COMMENT ON TRIGGER "account_email_changed" ON "public"."account" IS ''keeps the email change time'''; END $reconcile$;
\endif
