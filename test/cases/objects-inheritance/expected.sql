-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  10 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/10] tables: create table public.login_events
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."login_events" (
  "id" bigint NOT NULL,
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  "actor" text NOT NULL,
  "ip" inet,
  CONSTRAINT "events_actor_nonempty" CHECK ((actor <> ''::text))
);

-- [2/10] tables: create table public.tagged_events
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."tagged_events" (
  "id" bigint NOT NULL,
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  "actor" text NOT NULL,
  "tags" text[] DEFAULT '{}'::text[] NOT NULL,
  "note" text,
  CONSTRAINT "events_actor_nonempty" CHECK ((actor <> ''::text))
);

-- [3/10] constraints: check rows of public.export_events against events_actor_nonempty
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."export_events"') AND conname = 'events_actor_nonempty' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."export_events" WHERE NOT (((actor <> ''::text))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check events_actor_nonempty on public.export_events cannot be validated: rows violate ((actor <> ''''::text)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."export_events" WHERE NOT (((actor <> ''''::text))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [4/10] constraints: add check events_actor_nonempty on public.export_events (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."export_events"') AND c.contype = 'c' AND c.conname = 'events_actor_nonempty' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((actor <> ''''::text))' AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."export_events" ADD CONSTRAINT "events_actor_nonempty" CHECK ((actor <> ''::text)) NOT VALID;
\endif

-- [5/10] validate: validate check events_actor_nonempty on public.export_events
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."export_events" VALIDATE CONSTRAINT "events_actor_nonempty";
SET statement_timeout = '60s';

-- [6/10] inheritance: make public.export_events inherit from public.events (its rows become part of queries on public.events)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."export_events"') AND inhparent = pg_catalog.to_regclass('"public"."events"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."export_events" INHERIT "public"."events";
\endif

-- [7/10] inheritance: make public.login_events inherit from public.events (its rows become part of queries on public.events)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."login_events"') AND inhparent = pg_catalog.to_regclass('"public"."events"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."login_events" INHERIT "public"."events";
\endif

-- [8/10] inheritance: make public.payment_events inherit from public.events (its rows become part of queries on public.events)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."payment_events"') AND inhparent = pg_catalog.to_regclass('"public"."events"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."payment_events" INHERIT "public"."events";
\endif

-- [9/10] inheritance: make public.tagged_events inherit from public.events (its rows become part of queries on public.events)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."tagged_events"') AND inhparent = pg_catalog.to_regclass('"public"."events"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."tagged_events" INHERIT "public"."events";
\endif

-- [10/10] inheritance: make public.tagged_events inherit from public.tagged (its rows become part of queries on public.tagged)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."tagged_events"') AND inhparent = pg_catalog.to_regclass('"public"."tagged"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."tagged_events" INHERIT "public"."tagged";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."export_events"') AND c.contype = 'c' AND c.conname = 'events_actor_nonempty' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((actor <> ''''::text))' AND c.convalidated AND NOT c.connoinherit)) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."login_events"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."tagged_events"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."export_events"') AND inhparent = pg_catalog.to_regclass('"public"."events"'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."login_events"') AND inhparent = pg_catalog.to_regclass('"public"."events"'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."payment_events"') AND inhparent = pg_catalog.to_regclass('"public"."events"'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."tagged_events"') AND inhparent = pg_catalog.to_regclass('"public"."events"'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass('"public"."tagged_events"') AND inhparent = pg_catalog.to_regclass('"public"."tagged"'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;

-- NOTE: inheritance of public.archive from public.events is in the live database, not in the model: kept, but the rows of public.archive are part of every query on public.events (ALTER TABLE … NO INHERIT ends that)
