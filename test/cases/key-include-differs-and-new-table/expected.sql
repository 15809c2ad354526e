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

-- [1/5] tables: create table public.seat_hold
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."seat_hold" (
  "seat" bigint NOT NULL,
  "until" timestamp with time zone NOT NULL,
  "holder" text,
  CONSTRAINT "seat_hold_pkey" PRIMARY KEY ("seat") INCLUDE ("until") WITH (fillfactor = 70)
);

-- [2/5] keys: check public.seat for duplicates of (hall, row_no)
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."seat"') AND c.contype = 'u' AND c.conname = 'seat_hall_row_key' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['hall', 'row_no']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY['label']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM (SELECT 1 FROM "public"."seat" WHERE true AND "hall" IS NOT NULL AND "row_no" IS NOT NULL GROUP BY "hall", "row_no" HAVING count(*) > 1) AS dup WHERE true; IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'unique seat_hall_row_key on public.seat cannot be built: duplicate values of (hall, row_no): ' || n || ' row(s)', HINT = 'find them with SELECT "hall", "row_no", count(*) FROM "public"."seat" GROUP BY "hall", "row_no" HAVING count(*) > 1'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/5] keys: drop invalid leftover index seat_hall_row_key_reconcile_new on public.seat
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'seat_hall_row_key_reconcile_new' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."seat_hall_row_key_reconcile_new";
\endif

-- [4/5] keys: create index seat_hall_row_key_reconcile_new on public.seat concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."seat"') AND c.contype = 'u' AND c.conname = 'seat_hall_row_key' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['hall', 'row_no']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY['label']::text[]) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'seat_hall_row_key_reconcile_new' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "seat_hall_row_key_reconcile_new" ON "public"."seat" USING btree ("hall", "row_no") INCLUDE ("label");
\endif
SET statement_timeout = '60s';

-- [5/5] keys: replace unique constraint seat_hall_row_key of public.seat with unique seat_hall_row_key (one statement)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."seat"') AND c.contype = 'u' AND c.conname = 'seat_hall_row_key' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['hall', 'row_no']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY['label']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."seat" DROP CONSTRAINT IF EXISTS "seat_hall_row_key", ADD CONSTRAINT "seat_hall_row_key" UNIQUE USING INDEX "seat_hall_row_key_reconcile_new";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."seat"') AND c.contype = 'u' AND c.conname = 'seat_hall_row_key' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['hall', 'row_no']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY['label']::text[])) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."seat_hold"') IS NOT NULL) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
