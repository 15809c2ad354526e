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

-- [1/6] keys: check public.event for duplicates of (id, region)
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."event"') AND c.contype = 'p' AND c.conname = 'event_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id', 'region']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM (SELECT 1 FROM "public"."event" WHERE true AND "id" IS NOT NULL AND "region" IS NOT NULL GROUP BY "id", "region" HAVING count(*) > 1) AS dup WHERE true; IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'primary key event_pkey on public.event cannot be built: duplicate values of (id, region): ' || n || ' row(s)', HINT = 'find them with SELECT "id", "region", count(*) FROM "public"."event" GROUP BY "id", "region" HAVING count(*) > 1'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/6] keys: attach index event_eu_id_region_idx as primary key event_eu_id_region_idx of partition public.event_eu
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."event"') AND c.contype = 'p' AND c.conname = 'event_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id', 'region']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[]) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."event_eu"') AND c.contype = 'p' AND c.conname = 'event_eu_id_region_idx' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id', 'region']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."event_eu" ADD CONSTRAINT "event_eu_id_region_idx" PRIMARY KEY USING INDEX "event_eu_id_region_idx";
\endif

-- [3/6] keys: drop invalid leftover index event_us_pkey on public.event_us
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'event_us_pkey' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."event_us_pkey";
\endif

-- [4/6] keys: create index event_us_pkey on public.event_us concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."event"') AND c.contype = 'p' AND c.conname = 'event_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id', 'region']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[]) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."event_us"') AND c.contype = 'p' AND c.conname = 'event_us_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id', 'region']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[]) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'event_us_pkey' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "event_us_pkey" ON "public"."event_us" USING btree ("id", "region");
\endif
SET statement_timeout = '60s';

-- [5/6] keys: attach index event_us_pkey as primary key event_us_pkey of partition public.event_us
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."event"') AND c.contype = 'p' AND c.conname = 'event_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id', 'region']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[]) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."event_us"') AND c.contype = 'p' AND c.conname = 'event_us_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id', 'region']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."event_us" ADD CONSTRAINT "event_us_pkey" PRIMARY KEY USING INDEX "event_us_pkey";
\endif

-- [6/6] keys: add primary key event_pkey on public.event (it takes over the partitions' keys; nothing is built)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."event"') AND c.contype = 'p' AND c.conname = 'event_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id', 'region']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."event" ADD CONSTRAINT "event_pkey" PRIMARY KEY ("id", "region");
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."event"') AND c.contype = 'p' AND c.conname = 'event_pkey' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id', 'region']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
