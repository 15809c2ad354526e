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

-- [1/1] triggers: replace trigger "Reading Clamp" on public.reading
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."reading"') AND t.tgname = 'Reading Clamp' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER "Reading Clamp" BEFORE INSERT OR UPDATE ON public.reading FOR EACH ROW WHEN (((new.value < (0)::numeric) OR (new.value IS NULL))) EXECUTE FUNCTION public.reading_clamp()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE TRIGGER "Reading Clamp" BEFORE INSERT OR UPDATE ON public.reading FOR EACH ROW WHEN (((new.value < (0)::numeric) OR (new.value IS NULL))) EXECUTE FUNCTION public.reading_clamp();
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."reading"') AND t.tgname = 'Reading Clamp' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER "Reading Clamp" BEFORE INSERT OR UPDATE ON public.reading FOR EACH ROW WHEN (((new.value < (0)::numeric) OR (new.value IS NULL))) EXECUTE FUNCTION public.reading_clamp()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
