-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  7 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/7] schemas: create schema audit
-- lock: none
CREATE SCHEMA IF NOT EXISTS "audit";

-- [2/7] functions: create function audit.record()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'audit' AND p.proname = 'record' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION audit.record()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO audit.log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
  RETURN NULL;
END;
$function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION audit.record()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO audit.log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
  RETURN NULL;
END;
$function$
'; END $reconcile$;
\endif

-- [3/7] sequences: create sequence audit.log_id_seq
-- lock: none
CREATE SEQUENCE IF NOT EXISTS "audit"."log_id_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- [4/7] tables: create table audit.log
-- lock: none
CREATE TABLE IF NOT EXISTS "audit"."log" (
  "id" bigint DEFAULT nextval('audit.log_id_seq'::regclass) NOT NULL,
  "tbl" text NOT NULL,
  "op" text NOT NULL,
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "log_pkey" PRIMARY KEY ("id")
);

-- [5/7] fixes: sequence audit.log_id_seq owned by audit.log.id
-- lock: none
ALTER SEQUENCE "audit"."log_id_seq" OWNED BY "audit"."log"."id";

-- [6/7] triggers: replace trigger trigger_name on public.table1
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."table1"') AND t.tgname = 'trigger_name' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER trigger_name AFTER INSERT OR UPDATE ON public.table1 FOR EACH ROW EXECUTE FUNCTION audit.record()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE TRIGGER trigger_name AFTER INSERT OR UPDATE ON public.table1 FOR EACH ROW EXECUTE FUNCTION audit.record();
\endif

-- [7/7] triggers: create trigger trigger_name on public.table2
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."table2"') AND t.tgname = 'trigger_name' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER trigger_name AFTER INSERT ON public.table2 FOR EACH ROW EXECUTE FUNCTION audit.record()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER trigger_name AFTER INSERT ON public.table2 FOR EACH ROW EXECUTE FUNCTION audit.record();
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'audit')) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"audit"."log"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'audit' AND p.proname = 'record' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION audit.record()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO audit.log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
  RETURN NULL;
END;
$function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."table1"') AND t.tgname = 'trigger_name' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER trigger_name AFTER INSERT OR UPDATE ON public.table1 FOR EACH ROW EXECUTE FUNCTION audit.record()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."table2"') AND t.tgname = 'trigger_name' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER trigger_name AFTER INSERT ON public.table2 FOR EACH ROW EXECUTE FUNCTION audit.record()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
