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

-- [1/6] types: add value "archived" to enum public.doc_state
-- lock: none, outside any transaction
ALTER TYPE "public"."doc_state" ADD VALUE IF NOT EXISTS 'archived' AFTER 'locked';

-- [2/6] constraints: check rows of public.docs against docs_archived_has_time
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."docs"') AND conname = 'docs_archived_has_time' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."docs" WHERE NOT ((((state <> 'archived'::public.doc_state) OR (archived_at IS NOT NULL)))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check docs_archived_has_time on public.docs cannot be validated: rows violate (((state <> ''archived''::public.doc_state) OR (archived_at IS NOT NULL))): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."docs" WHERE NOT ((((state <> ''archived''::public.doc_state) OR (archived_at IS NOT NULL)))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/6] constraints: add check docs_archived_has_time on public.docs (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."docs"') AND c.contype = 'c' AND c.conname = 'docs_archived_has_time' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK (((state <> ''archived''::public.doc_state) OR (archived_at IS NOT NULL)))' AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."docs" ADD CONSTRAINT "docs_archived_has_time" CHECK (((state <> 'archived'::public.doc_state) OR (archived_at IS NOT NULL))) NOT VALID;
\endif

-- [4/6] validate: validate check docs_archived_has_time on public.docs
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."docs" VALIDATE CONSTRAINT "docs_archived_has_time";
SET statement_timeout = '60s';

-- [5/6] indexes: drop invalid leftover index docs_live_title on public.docs
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'docs_live_title' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."docs_live_title";
\endif

-- [6/6] indexes: create index docs_live_title on public.docs concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'docs_live_title' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "docs_live_title" ON "public"."docs" USING btree ("title") WHERE (state <> 'archived'::public.doc_state);
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."docs"') AND c.contype = 'c' AND c.conname = 'docs_archived_has_time' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK (((state <> ''archived''::public.doc_state) OR (archived_at IS NOT NULL)))' AND c.convalidated AND NOT c.connoinherit)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'docs_live_title' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
