-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  7 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/7] extensions: create extension ltree
-- lock: none
CREATE EXTENSION IF NOT EXISTS "ltree" SCHEMA "public";

-- [2/7] columns: add column public.categories.path
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."categories" ADD COLUMN IF NOT EXISTS "path" public.ltree DEFAULT 'root'::public.ltree NOT NULL;

-- [3/7] constraints: check rows of public.categories against categories_path_depth
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."categories"') AND conname = 'categories_path_depth' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."categories" WHERE NOT (((public.nlevel(path) <= 6))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check categories_path_depth on public.categories cannot be validated: rows violate ((public.nlevel(path) <= 6)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."categories" WHERE NOT (((public.nlevel(path) <= 6))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [4/7] constraints: add check categories_path_depth on public.categories (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."categories"') AND c.contype = 'c' AND c.conname = 'categories_path_depth' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((public.nlevel(path) <= 6))' AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."categories" ADD CONSTRAINT "categories_path_depth" CHECK ((public.nlevel(path) <= 6)) NOT VALID;
\endif

-- [5/7] validate: validate check categories_path_depth on public.categories
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."categories" VALIDATE CONSTRAINT "categories_path_depth";
SET statement_timeout = '60s';

-- [6/7] indexes: drop invalid leftover index categories_path on public.categories
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'categories_path' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."categories_path";
\endif

-- [7/7] indexes: create index categories_path on public.categories concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'categories_path' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "categories_path" ON "public"."categories" USING gist ("path");
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."categories"') AND attname = 'path' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."categories"') AND c.contype = 'c' AND c.conname = 'categories_path_depth' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((public.nlevel(path) <= 6))' AND c.convalidated AND NOT c.connoinherit)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'categories_path' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
