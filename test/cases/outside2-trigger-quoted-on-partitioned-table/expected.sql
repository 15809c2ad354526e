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

-- [1/2] triggers: create trigger "Touch On Parent" on public."Reading"
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."Reading"') AND t.tgname = 'Touch On Parent' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER "Touch On Parent" BEFORE UPDATE ON public."Reading" FOR EACH ROW EXECUTE FUNCTION public."Touch"()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER "Touch On Parent" BEFORE UPDATE ON public."Reading" FOR EACH ROW EXECUTE FUNCTION public."Touch"();
\endif

-- [2/2] triggers: create trigger "Touch Only A" on public."Reading_A"
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."Reading_A"') AND t.tgname = 'Touch Only A' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER "Touch Only A" BEFORE INSERT ON public."Reading_A" FOR EACH ROW EXECUTE FUNCTION public."Touch"()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER "Touch Only A" BEFORE INSERT ON public."Reading_A" FOR EACH ROW EXECUTE FUNCTION public."Touch"();
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."Reading"') AND t.tgname = 'Touch On Parent' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER "Touch On Parent" BEFORE UPDATE ON public."Reading" FOR EACH ROW EXECUTE FUNCTION public."Touch"()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."Reading_A"') AND t.tgname = 'Touch Only A' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER "Touch Only A" BEFORE INSERT ON public."Reading_A" FOR EACH ROW EXECUTE FUNCTION public."Touch"()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
