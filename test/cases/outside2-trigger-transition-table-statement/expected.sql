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

-- [1/2] triggers: create trigger item_keep_deleted on public.item
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."item"') AND t.tgname = 'item_keep_deleted' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER item_keep_deleted AFTER DELETE ON public.item REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.keep_deleted()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER item_keep_deleted AFTER DELETE ON public.item REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.keep_deleted();
\endif

-- [2/2] triggers: set trigger item_keep_truncated on public.item disabled
-- lock: SHARE ROW EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."item"') AND t.tgname = 'item_keep_truncated' AND t.tgenabled <> 'D')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."item" DISABLE TRIGGER "item_keep_truncated";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."item"') AND t.tgname = 'item_keep_deleted' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER item_keep_deleted AFTER DELETE ON public.item REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.keep_deleted()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."item"') AND t.tgname = 'item_keep_truncated' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER item_keep_truncated AFTER TRUNCATE ON public.item FOR EACH STATEMENT EXECUTE FUNCTION public.keep_deleted()' AND t.tgenabled = 'D')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
