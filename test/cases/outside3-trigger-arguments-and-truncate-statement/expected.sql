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

-- [1/2] triggers: replace trigger accounts_audit on public.accounts
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."accounts"') AND t.tgname = 'accounts_audit' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER accounts_audit AFTER INSERT OR DELETE OR UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION audit.record(''accounts'', ''strict'')')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE TRIGGER accounts_audit AFTER INSERT OR DELETE OR UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION audit.record('accounts', 'strict');
\endif

-- [2/2] triggers: create trigger ledger_truncate on public.ledger
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."ledger"') AND t.tgname = 'ledger_truncate' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER ledger_truncate AFTER TRUNCATE ON public.ledger FOR EACH STATEMENT EXECUTE FUNCTION audit.record(''ledger'', ''it''''s gone'')')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER ledger_truncate AFTER TRUNCATE ON public.ledger FOR EACH STATEMENT EXECUTE FUNCTION audit.record('ledger', 'it''s gone');
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."accounts"') AND t.tgname = 'accounts_audit' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER accounts_audit AFTER INSERT OR DELETE OR UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION audit.record(''accounts'', ''strict'')' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."ledger"') AND t.tgname = 'ledger_truncate' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER ledger_truncate AFTER TRUNCATE ON public.ledger FOR EACH STATEMENT EXECUTE FUNCTION audit.record(''ledger'', ''it''''s gone'')' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
