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

-- [1/6] replica-identity: set replica identity FULL of public.ledger
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."ledger"') AND c.relreplident = 'f')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."ledger" REPLICA IDENTITY FULL;
\endif

-- [2/6] replica-identity: set replica identity FULL of public.ledger_a
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."ledger_a"') AND c.relreplident = 'f')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."ledger_a" REPLICA IDENTITY FULL;
\endif

-- [3/6] replica-identity: set replica identity FULL of public.ledger_b
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."ledger_b"') AND c.relreplident = 'f')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."ledger_b" REPLICA IDENTITY FULL;
\endif

-- [4/6] row-security: enable row-level security on public.ledger
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."ledger"') AND relrowsecurity)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."ledger" ENABLE ROW LEVEL SECURITY;
\endif

-- [5/6] row-security: enable row-level security on public.ledger_a
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."ledger_a"') AND relrowsecurity)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."ledger_a" ENABLE ROW LEVEL SECURITY;
\endif

-- [6/6] row-security: enable row-level security on public.ledger_b
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."ledger_b"') AND relrowsecurity)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."ledger_b" ENABLE ROW LEVEL SECURITY;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."ledger"') AND relrowsecurity)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."ledger_a"') AND relrowsecurity)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."ledger_b"') AND relrowsecurity)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."ledger"') AND c.relreplident = 'f')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."ledger_a"') AND c.relreplident = 'f')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."ledger_b"') AND c.relreplident = 'f')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
