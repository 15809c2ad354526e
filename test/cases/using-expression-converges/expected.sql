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

-- [1/3] fixes: check that every value of public.items.price converts to numeric(10,2)
-- lock: ACCESS SHARE, may take long
-- HAZARD (rewrite): public.items.price: converted with the --using expression. The table is rewritten under an ACCESS EXCLUSIVE lock
-- HAZARD (rewrite): public.items.tags: converted with the --using expression. The table is rewritten under an ACCESS EXCLUSIVE lock
SET statement_timeout = 0;
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."items"') AND a.attname = 'price' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(20)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."items"') AND a.attname = 'tags' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'jsonb' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
DECLARE reconcile_bad bigint := 0; reconcile_samples text[] := '{}'; reconcile_r record; reconcile_x numeric(10,2);
BEGIN
  BEGIN
    PERFORM count(CAST((NULLIF(price, 'n/a')::numeric) AS numeric(10,2))) FROM "public"."items";
    RETURN;
  EXCEPTION WHEN others THEN NULL;
  END;
  FOR reconcile_r IN SELECT ctid AS c, 'id=' || "id"::text AS k, CASE WHEN "price" IS NULL THEN 'NULL' ELSE pg_catalog.quote_literal(pg_catalog.left("price"::text, 40)) END AS v FROM "public"."items" LOOP
    BEGIN
      PERFORM CAST((NULLIF(price, 'n/a')::numeric) AS numeric(10,2)) FROM "public"."items" WHERE ctid = reconcile_r.c;
    EXCEPTION WHEN others THEN
      reconcile_bad := reconcile_bad + 1;
      IF reconcile_bad <= 3 THEN reconcile_samples := reconcile_samples || (reconcile_r.k || ': ' || reconcile_r.v || ' (' || SQLERRM || ')'); END IF;
    END;
  END LOOP;
  IF reconcile_bad > 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22P02', MESSAGE = 'public.items.price cannot change from character varying(20) to numeric(10,2): ' || reconcile_bad || ' row(s) do not convert, e.g. ' || pg_catalog.array_to_string(reconcile_samples, '; '), HINT = 'fix those rows or the --using expression for public.items.price, then run again';
  END IF;
END
$reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/3] fixes: check that every value of public.items.tags converts to text[]
-- lock: ACCESS SHARE, may take long
-- HAZARD (rewrite): public.items.price: converted with the --using expression. The table is rewritten under an ACCESS EXCLUSIVE lock
-- HAZARD (rewrite): public.items.tags: converted with the --using expression. The table is rewritten under an ACCESS EXCLUSIVE lock
SET statement_timeout = 0;
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."items"') AND a.attname = 'price' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(20)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."items"') AND a.attname = 'tags' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'jsonb' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
DECLARE reconcile_bad bigint := 0; reconcile_samples text[] := '{}'; reconcile_r record; reconcile_x text[];
BEGIN
  BEGIN
    PERFORM count(CAST((translate(tags::text, '[]', '{}')::text[]) AS text[])) FROM "public"."items";
    RETURN;
  EXCEPTION WHEN others THEN NULL;
  END;
  FOR reconcile_r IN SELECT ctid AS c, 'id=' || "id"::text AS k, CASE WHEN "tags" IS NULL THEN 'NULL' ELSE pg_catalog.quote_literal(pg_catalog.left("tags"::text, 40)) END AS v FROM "public"."items" LOOP
    BEGIN
      PERFORM CAST((translate(tags::text, '[]', '{}')::text[]) AS text[]) FROM "public"."items" WHERE ctid = reconcile_r.c;
    EXCEPTION WHEN others THEN
      reconcile_bad := reconcile_bad + 1;
      IF reconcile_bad <= 3 THEN reconcile_samples := reconcile_samples || (reconcile_r.k || ': ' || reconcile_r.v || ' (' || SQLERRM || ')'); END IF;
    END;
  END LOOP;
  IF reconcile_bad > 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22P02', MESSAGE = 'public.items.tags cannot change from jsonb to text[]: ' || reconcile_bad || ' row(s) do not convert, e.g. ' || pg_catalog.array_to_string(reconcile_samples, '; '), HINT = 'fix those rows or the --using expression for public.items.tags, then run again';
  END IF;
END
$reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/3] fixes: change types of public.items: price, tags (one rewrite)
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): public.items.price: converted with the --using expression. The table is rewritten under an ACCESS EXCLUSIVE lock
-- HAZARD (rewrite): public.items.tags: converted with the --using expression. The table is rewritten under an ACCESS EXCLUSIVE lock
SET statement_timeout = 0;
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."items"') AND a.attname = 'price' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(20)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."items"') AND a.attname = 'tags' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'jsonb' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."items" ALTER COLUMN "price" TYPE numeric(10,2) USING CAST((NULLIF(price, 'n/a')::numeric) AS numeric(10,2)),
  ALTER COLUMN "tags" TYPE text[] USING CAST((translate(tags::text, '[]', '{}')::text[]) AS text[]);
\endif
SET statement_timeout = '60s';
