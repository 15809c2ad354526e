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

-- [1/6] tables: create table public.account_event
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."account_event" (
  "account_id" bigint NOT NULL,
  "kind" text NOT NULL,
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "account_event_pkey" PRIMARY KEY ("account_id", "at"),
  CONSTRAINT "account_event_kind_check" CHECK ((kind <> ''::text))
) PARTITION BY RANGE (at);

-- [2/6] tables: create table public.account_event_2025 as a partition of public.account_event
-- lock: ACCESS EXCLUSIVE
CREATE TABLE IF NOT EXISTS "public"."account_event_2025" PARTITION OF "public"."account_event" FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');

-- [3/6] tables: create table public.account_event_rest as a partition of public.account_event
-- lock: ACCESS EXCLUSIVE
CREATE TABLE IF NOT EXISTS "public"."account_event_rest" PARTITION OF "public"."account_event" DEFAULT;

-- [4/6] constraints: add foreign key account_event_account_id_fkey on public.account_event -> public.account
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."account_event"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."account"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['account_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'account_event_account_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."account_event" ADD CONSTRAINT "account_event_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."account" ("id");
\endif

-- [5/6] indexes: create index account_event_kind_idx on public.account_event
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "account_event_kind_idx" ON "public"."account_event" USING btree ("kind");

-- [6/6] row-security: enable row-level security on public.account_event
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."account_event"') AND relrowsecurity)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."account_event" ENABLE ROW LEVEL SECURITY;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."account_event"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."account_event_2025"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."account_event_rest"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."account_event"') AND relrowsecurity)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
