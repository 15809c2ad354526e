-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  9 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/9] fixes: check public.tags.id for NULLs
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."tags"') AND attname = 'id' AND NOT attnotnull AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."tags" WHERE "id" IS NULL; IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'public.tags.id cannot be set NOT NULL: it holds NULLs: ' || n || ' row(s)', HINT = 'backfill them (UPDATE "public"."tags" SET "id" = ... WHERE "id" IS NULL), then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/9] fixes: add check id_reconcile_not_null (NOT VALID) on public.tags
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."tags"') AND attname = 'id' AND NOT attnotnull AND NOT attisdropped) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."tags"') AND conname = 'id_reconcile_not_null')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."tags" ADD CONSTRAINT "id_reconcile_not_null" CHECK ("id" IS NOT NULL) NOT VALID;
\endif

-- [3/9] fixes: validate check id_reconcile_not_null on public.tags
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."tags"') AND conname = 'id_reconcile_not_null')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."tags" VALIDATE CONSTRAINT "id_reconcile_not_null";
\endif
SET statement_timeout = '60s';

-- [4/9] fixes: set NOT NULL on public.tags.id
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."tags"') AND attname = 'id' AND NOT attnotnull AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."tags" ALTER COLUMN "id" SET NOT NULL;
\endif

-- [5/9] fixes: drop helper check id_reconcile_not_null on public.tags
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."tags" DROP CONSTRAINT IF EXISTS "id_reconcile_not_null";

-- [6/9] keys: check public.tags for duplicates of (id)
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."tags"') AND c.contype = 'p' AND c.conname = 'tags_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM (SELECT 1 FROM "public"."tags" WHERE true AND "id" IS NOT NULL GROUP BY "id" HAVING count(*) > 1) AS dup WHERE true; IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'primary key tags_pkey on public.tags cannot be built: duplicate values of (id): ' || n || ' row(s)', HINT = 'find them with SELECT "id", count(*) FROM "public"."tags" GROUP BY "id" HAVING count(*) > 1'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [7/9] keys: drop invalid leftover index tags_pkey on public.tags
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'tags_pkey' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."tags_pkey";
\endif

-- [8/9] keys: create index tags_pkey on public.tags concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."tags"') AND c.contype = 'p' AND c.conname = 'tags_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[]) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'tags_pkey' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "tags_pkey" ON "public"."tags" USING btree ("id");
\endif
SET statement_timeout = '60s';

-- [9/9] keys: attach index tags_pkey as primary key tags_pkey of public.tags
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."tags"') AND c.contype = 'p' AND c.conname = 'tags_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."tags" ADD CONSTRAINT "tags_pkey" PRIMARY KEY USING INDEX "tags_pkey";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."tags"') AND c.contype = 'p' AND c.conname = 'tags_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
