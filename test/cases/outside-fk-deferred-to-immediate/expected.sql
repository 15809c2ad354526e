-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  1 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/1] fixes: make foreign key essay_author_fk on public.essay DEFERRABLE INITIALLY IMMEDIATE
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."essay"') AND conname = 'essay_author_fk') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."essay"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."author"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['author_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'essay_author_fk')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."essay" ALTER CONSTRAINT "essay_author_fk" DEFERRABLE INITIALLY IMMEDIATE;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."essay"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."author"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['author_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
