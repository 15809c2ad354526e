-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  3 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/3] tables: create table public.articlesource
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."articlesource" (
  "id" integer NOT NULL,
  "article_id" integer NOT NULL,
  "source_url" text,
  CONSTRAINT "articlesource_pkey" PRIMARY KEY ("id")
);

-- [2/3] constraints: add foreign key articlesource_article_id_fkey on public.articlesource -> public.article
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."articlesource"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."article"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['article_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'articlesource_article_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."articlesource" ADD CONSTRAINT "articlesource_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "public"."article" ("id");
\endif

-- [3/3] indexes: create index articlesource_article_id_idx on public.articlesource
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "articlesource_article_id_idx" ON "public"."articlesource" USING btree ("article_id");

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."articlesource"') IS NOT NULL) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
