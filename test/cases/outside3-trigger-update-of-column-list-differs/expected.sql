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

-- [1/2] triggers: create trigger products_log_price on public.products
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."products"') AND t.tgname = 'products_log_price' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER products_log_price AFTER INSERT OR UPDATE OF price_cents ON public.products FOR EACH ROW WHEN ((new.price_cents > 0)) EXECUTE FUNCTION public.log_price()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER products_log_price AFTER INSERT OR UPDATE OF price_cents ON public.products FOR EACH ROW WHEN ((new.price_cents > 0)) EXECUTE FUNCTION public.log_price();
\endif

-- [2/2] triggers: replace trigger products_stamp on public.products
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."products"') AND t.tgname = 'products_stamp' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER products_stamp BEFORE UPDATE OF price_cents, stock ON public.products FOR EACH ROW EXECUTE FUNCTION public.stamp_price_change()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE TRIGGER products_stamp BEFORE UPDATE OF price_cents, stock ON public.products FOR EACH ROW EXECUTE FUNCTION public.stamp_price_change();
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."products"') AND t.tgname = 'products_log_price' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER products_log_price AFTER INSERT OR UPDATE OF price_cents ON public.products FOR EACH ROW WHEN ((new.price_cents > 0)) EXECUTE FUNCTION public.log_price()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."products"') AND t.tgname = 'products_stamp' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER products_stamp BEFORE UPDATE OF price_cents, stock ON public.products FOR EACH ROW EXECUTE FUNCTION public.stamp_price_change()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
