-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  4 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/4] tables: create table public.audit
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."audit" (
  "Id" bigint NOT NULL,
  "at" timestamp with time zone NOT NULL,
  CONSTRAINT "audit Id" UNIQUE ("Id")
);

-- [2/4] replica-identity: set replica identity USING INDEX accounts_email of public.accounts (live: FULL)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."accounts"') AND c.relreplident = 'i' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident AND i.relname = 'accounts_email'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."accounts" REPLICA IDENTITY USING INDEX "accounts_email";
\endif

-- [3/4] replica-identity: set replica identity USING INDEX "audit Id" of public.audit
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."audit"') AND c.relreplident = 'i' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident AND i.relname = 'audit Id'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."audit" REPLICA IDENTITY USING INDEX "audit Id";
\endif

-- [4/4] replica-identity: set replica identity FULL of public.events
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."events"') AND c.relreplident = 'f')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."events" REPLICA IDENTITY FULL;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."audit"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."accounts"') AND c.relreplident = 'i' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident AND i.relname = 'accounts_email'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."audit"') AND c.relreplident = 'i' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident AND i.relname = 'audit Id'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."events"') AND c.relreplident = 'f')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
