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

-- [1/6] tables: create table public.session_events
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."session_events" (
  "id" bigint NOT NULL,
  "session_id" uuid NOT NULL,
  "at" timestamp with time zone NOT NULL,
  CONSTRAINT "session_events_pkey" PRIMARY KEY ("id")
);

-- [2/6] tables: create table public.sessions
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."sessions" (
  "id" uuid NOT NULL,
  "data" text,
  CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- [3/6] columns: make public.cache_entries unlogged
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): public.cache_entries is rewritten under an ACCESS EXCLUSIVE lock (reads and writes wait for the whole rewrite)
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."cache_entries"') AND relpersistence = 'u')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."cache_entries" SET UNLOGGED;
\endif
SET statement_timeout = '60s';

-- [4/6] columns: make public.session_events unlogged
-- lock: ACCESS EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."session_events"') AND relpersistence = 'u')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."session_events" SET UNLOGGED;
\endif
SET statement_timeout = '60s';

-- [5/6] columns: make public.sessions unlogged
-- lock: ACCESS EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."sessions"') AND relpersistence = 'u')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."sessions" SET UNLOGGED;
\endif
SET statement_timeout = '60s';

-- [6/6] constraints: add foreign key session_events_session_id_fkey on public.session_events -> public.sessions
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."session_events"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."sessions"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['session_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'session_events_session_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."session_events" ADD CONSTRAINT "session_events_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "public"."sessions" ("id");
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."session_events"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."sessions"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."cache_entries"') AND relpersistence = 'u')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."session_events"') AND relpersistence = 'u')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."sessions"') AND relpersistence = 'u')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;

-- NOTE: UNLOGGED on public.payments is in the live database, not in the model: kept, but its rows are not written to the WAL: a crash empties it and replicas lack them (ALTER TABLE … SET LOGGED, a rewrite, makes it durable)
