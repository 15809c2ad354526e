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

-- [1/2] columns: add column public.invoice.paid_at
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."invoice" ADD COLUMN IF NOT EXISTS "paid_at" timestamp with time zone;

-- [2/2] triggers: replace trigger invoice_paid on public.invoice
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."invoice"') AND t.tgname = 'invoice_paid' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER invoice_paid BEFORE UPDATE OF paid_at ON public.invoice FOR EACH ROW WHEN (((new.paid_at IS NOT NULL) AND (old.paid_at IS NULL))) EXECUTE FUNCTION public.invoice_paid()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE TRIGGER invoice_paid BEFORE UPDATE OF paid_at ON public.invoice FOR EACH ROW WHEN (((new.paid_at IS NOT NULL) AND (old.paid_at IS NULL))) EXECUTE FUNCTION public.invoice_paid();
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."invoice"') AND attname = 'paid_at' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."invoice"') AND t.tgname = 'invoice_paid' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER invoice_paid BEFORE UPDATE OF paid_at ON public.invoice FOR EACH ROW WHEN (((new.paid_at IS NOT NULL) AND (old.paid_at IS NULL))) EXECUTE FUNCTION public.invoice_paid()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
