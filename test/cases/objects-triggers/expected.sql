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

-- [1/6] functions: create function public.touch_updated_at()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'touch_updated_at' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.touch_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.updated_at := now(); RETURN NEW; END $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.touch_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.updated_at := now(); RETURN NEW; END $function$
'; END $reconcile$;
\endif

-- [2/6] tables: create table public.shipments
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."shipments" (
  "id" bigint NOT NULL,
  "item" bigint NOT NULL,
  CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);

-- [3/6] triggers: set trigger items_log on public.items always enabled
-- lock: SHARE ROW EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."items"') AND t.tgname = 'items_log' AND t.tgenabled <> 'A')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."items" ENABLE ALWAYS TRIGGER "items_log";
\endif

-- [4/6] triggers: create trigger items_touch on public.items
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."items"') AND t.tgname = 'items_touch' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER items_touch BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER items_touch BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
\endif

-- [5/6] triggers: replace trigger items_version on public.items
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."items"') AND t.tgname = 'items_version' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER items_version BEFORE UPDATE ON public.items FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION public.bump_version()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE TRIGGER items_version BEFORE UPDATE ON public.items FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION public.bump_version();
\endif

-- [6/6] triggers: create trigger shipments_log on public.shipments
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."shipments"') AND t.tgname = 'shipments_log' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE CONSTRAINT TRIGGER shipments_log AFTER INSERT ON public.shipments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.log_change()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE CONSTRAINT TRIGGER shipments_log AFTER INSERT ON public.shipments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.log_change();
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."shipments"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'touch_updated_at' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.touch_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.updated_at := now(); RETURN NEW; END $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."items"') AND t.tgname = 'items_log' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER items_log AFTER INSERT OR UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.log_change()' AND t.tgenabled = 'A')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."items"') AND t.tgname = 'items_touch' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER items_touch BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."items"') AND t.tgname = 'items_version' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER items_version BEFORE UPDATE ON public.items FOR EACH ROW WHEN ((old.name IS DISTINCT FROM new.name)) EXECUTE FUNCTION public.bump_version()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."shipments"') AND t.tgname = 'shipments_log' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE CONSTRAINT TRIGGER shipments_log AFTER INSERT ON public.shipments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.log_change()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
