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

-- [1/2] triggers: replace trigger orders_status_audit on public.orders
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."orders"') AND t.tgname = 'orders_status_audit' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER orders_status_audit AFTER UPDATE OF status ON public.orders FOR EACH ROW WHEN (((old.status IS DISTINCT FROM new.status) AND (new.status <> ''draft''::text))) EXECUTE FUNCTION public.log_status()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE TRIGGER orders_status_audit AFTER UPDATE OF status ON public.orders FOR EACH ROW WHEN (((old.status IS DISTINCT FROM new.status) AND (new.status <> 'draft'::text))) EXECUTE FUNCTION public.log_status();
\endif

-- [2/2] triggers: replace trigger orders_touch on public.orders
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."orders"') AND t.tgname = 'orders_touch' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER orders_touch BEFORE UPDATE OF status, total ON public.orders FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.touch()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE TRIGGER orders_touch BEFORE UPDATE OF status, total ON public.orders FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.touch();
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."orders"') AND t.tgname = 'orders_status_audit' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER orders_status_audit AFTER UPDATE OF status ON public.orders FOR EACH ROW WHEN (((old.status IS DISTINCT FROM new.status) AND (new.status <> ''draft''::text))) EXECUTE FUNCTION public.log_status()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."orders"') AND t.tgname = 'orders_touch' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER orders_touch BEFORE UPDATE OF status, total ON public.orders FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.touch()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
