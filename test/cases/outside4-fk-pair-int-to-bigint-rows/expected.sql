-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  5 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/5] fixes: check that every value of public.author.id converts to bigint
-- lock: ACCESS SHARE, may take long
-- HAZARD (rewrite): changing public.author.id from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."author"') AND a.attname = 'id' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'integer' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
DECLARE reconcile_bad bigint := 0; reconcile_samples text[] := '{}'; reconcile_r record; reconcile_x bigint;
BEGIN
  BEGIN
    PERFORM count(CAST("id" AS bigint)) FROM "public"."author";
    RETURN;
  EXCEPTION WHEN others THEN NULL;
  END;
  FOR reconcile_r IN SELECT ctid AS c, 'id=' || "id"::text AS k, CASE WHEN "id" IS NULL THEN 'NULL' ELSE pg_catalog.quote_literal(pg_catalog.left("id"::text, 40)) END AS v FROM "public"."author" LOOP
    BEGIN
      PERFORM CAST("id" AS bigint) FROM "public"."author" WHERE ctid = reconcile_r.c;
    EXCEPTION WHEN others THEN
      reconcile_bad := reconcile_bad + 1;
      IF reconcile_bad <= 3 THEN reconcile_samples := reconcile_samples || (reconcile_r.k || ': ' || reconcile_r.v || ' (' || SQLERRM || ')'); END IF;
    END;
  END LOOP;
  IF reconcile_bad > 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22P02', MESSAGE = 'public.author.id cannot change from integer to bigint: ' || reconcile_bad || ' row(s) do not convert, e.g. ' || pg_catalog.array_to_string(reconcile_samples, '; '), HINT = 'fix those rows, or give the conversion: --using ''public.author.id=EXPR'' (e.g. NULLIF(...) for placeholders), then run again';
  END IF;
END
$reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/5] fixes: change type of public.author.id from integer to bigint
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): changing public.author.id from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."author"') AND a.attname = 'id' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'integer' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."author" ALTER COLUMN "id" TYPE bigint USING CAST("id" AS bigint);
\endif
SET statement_timeout = '60s';

-- [3/5] fixes: check that every value of public.book.id converts to bigint
-- lock: ACCESS SHARE, may take long
-- HAZARD (rewrite): changing public.book.id from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
-- HAZARD (rewrite): changing public.book.author_id from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
SET statement_timeout = 0;
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."book"') AND a.attname = 'id' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'integer' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."book"') AND a.attname = 'author_id' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'integer' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
DECLARE reconcile_bad bigint := 0; reconcile_samples text[] := '{}'; reconcile_r record; reconcile_x bigint;
BEGIN
  BEGIN
    PERFORM count(CAST("id" AS bigint)) FROM "public"."book";
    RETURN;
  EXCEPTION WHEN others THEN NULL;
  END;
  FOR reconcile_r IN SELECT ctid AS c, 'id=' || "id"::text AS k, CASE WHEN "id" IS NULL THEN 'NULL' ELSE pg_catalog.quote_literal(pg_catalog.left("id"::text, 40)) END AS v FROM "public"."book" LOOP
    BEGIN
      PERFORM CAST("id" AS bigint) FROM "public"."book" WHERE ctid = reconcile_r.c;
    EXCEPTION WHEN others THEN
      reconcile_bad := reconcile_bad + 1;
      IF reconcile_bad <= 3 THEN reconcile_samples := reconcile_samples || (reconcile_r.k || ': ' || reconcile_r.v || ' (' || SQLERRM || ')'); END IF;
    END;
  END LOOP;
  IF reconcile_bad > 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22P02', MESSAGE = 'public.book.id cannot change from integer to bigint: ' || reconcile_bad || ' row(s) do not convert, e.g. ' || pg_catalog.array_to_string(reconcile_samples, '; '), HINT = 'fix those rows, or give the conversion: --using ''public.book.id=EXPR'' (e.g. NULLIF(...) for placeholders), then run again';
  END IF;
END
$reconcile$;
\endif
SET statement_timeout = '60s';

-- [4/5] fixes: check that every value of public.book.author_id converts to bigint
-- lock: ACCESS SHARE, may take long
-- HAZARD (rewrite): changing public.book.id from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
-- HAZARD (rewrite): changing public.book.author_id from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
SET statement_timeout = 0;
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."book"') AND a.attname = 'id' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'integer' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."book"') AND a.attname = 'author_id' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'integer' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
DECLARE reconcile_bad bigint := 0; reconcile_samples text[] := '{}'; reconcile_r record; reconcile_x bigint;
BEGIN
  BEGIN
    PERFORM count(CAST("author_id" AS bigint)) FROM "public"."book";
    RETURN;
  EXCEPTION WHEN others THEN NULL;
  END;
  FOR reconcile_r IN SELECT ctid AS c, 'id=' || "id"::text AS k, CASE WHEN "author_id" IS NULL THEN 'NULL' ELSE pg_catalog.quote_literal(pg_catalog.left("author_id"::text, 40)) END AS v FROM "public"."book" LOOP
    BEGIN
      PERFORM CAST("author_id" AS bigint) FROM "public"."book" WHERE ctid = reconcile_r.c;
    EXCEPTION WHEN others THEN
      reconcile_bad := reconcile_bad + 1;
      IF reconcile_bad <= 3 THEN reconcile_samples := reconcile_samples || (reconcile_r.k || ': ' || reconcile_r.v || ' (' || SQLERRM || ')'); END IF;
    END;
  END LOOP;
  IF reconcile_bad > 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22P02', MESSAGE = 'public.book.author_id cannot change from integer to bigint: ' || reconcile_bad || ' row(s) do not convert, e.g. ' || pg_catalog.array_to_string(reconcile_samples, '; '), HINT = 'fix those rows, or give the conversion: --using ''public.book.author_id=EXPR'' (e.g. NULLIF(...) for placeholders), then run again';
  END IF;
END
$reconcile$;
\endif
SET statement_timeout = '60s';

-- [5/5] fixes: change types of public.book: id, author_id (one rewrite)
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): changing public.book.id from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
-- HAZARD (rewrite): changing public.book.author_id from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
SET statement_timeout = 0;
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."book"') AND a.attname = 'id' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'integer' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."book"') AND a.attname = 'author_id' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'integer' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."book" ALTER COLUMN "id" TYPE bigint USING CAST("id" AS bigint),
  ALTER COLUMN "author_id" TYPE bigint USING CAST("author_id" AS bigint);
\endif
SET statement_timeout = '60s';
