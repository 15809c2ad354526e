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

-- [1/9] types: add value "\"q\"" to enum "Sch ✓"."E'num"
-- lock: none, outside any transaction
ALTER TYPE "Sch ✓"."E'num" ADD VALUE IF NOT EXISTS '"q"' AFTER 'it''s';

-- [2/9] types: add value "a\\b" to enum "Sch ✓"."E'num"
-- lock: none, outside any transaction
ALTER TYPE "Sch ✓"."E'num" ADD VALUE IF NOT EXISTS E'a\\b' AFTER '"q"';

-- [3/9] tables: create table "Sch ✓"."child/*"
-- lock: none
CREATE TABLE IF NOT EXISTS "Sch ✓"."child/*" (
  "id" integer NOT NULL,
  "p
q" integer,
  CONSTRAINT "child/*_pkey" PRIMARY KEY ("id")
);

-- [4/9] columns: add column "Sch ✓"."Weird \"T\"; DROP TABLE users; --".Mixed Case
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "Sch ✓"."Weird ""T""; DROP TABLE users; --" ADD COLUMN IF NOT EXISTS "Mixed Case" "Sch ✓"."E'num" DEFAULT 'it''s'::"Sch ✓"."E'num";

-- [5/9] columns: add column "Sch ✓"."Weird \"T\"; DROP TABLE users; --".$1
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "Sch ✓"."Weird ""T""; DROP TABLE users; --" ADD COLUMN IF NOT EXISTS "$1" text DEFAULT '--'::text NOT NULL;

-- [6/9] columns: add column "Sch ✓"."Weird \"T\"; DROP TABLE users; --".ünï
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "Sch ✓"."Weird ""T""; DROP TABLE users; --" ADD COLUMN IF NOT EXISTS "ünï" text;

-- [7/9] constraints: add foreign key child/*_p\nq_fkey on "Sch ✓"."child/*" -> "Sch ✓"."Weird \"T\"; DROP TABLE users; --"
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"Sch ✓"."child/*"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"Sch ✓"."Weird ""T""; DROP TABLE users; --"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['p
q']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['select']::text[] AND c.conname = 'child/*_p
q_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "Sch ✓"."child/*" ADD CONSTRAINT "child/*_p
q_fkey" FOREIGN KEY ("p
q") REFERENCES "Sch ✓"."Weird ""T""; DROP TABLE users; --" ("select");
\endif

-- [8/9] indexes: drop invalid leftover index ix; -- on "Sch ✓"."Weird \"T\"; DROP TABLE users; --"
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'Sch ✓' AND c.relname = 'ix; --' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "Sch ✓"."ix; --";
\endif

-- [9/9] indexes: create index ix; -- on "Sch ✓"."Weird \"T\"; DROP TABLE users; --" concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'Sch ✓' AND c.relname = 'ix; --' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ix; --" ON "Sch ✓"."Weird ""T""; DROP TABLE users; --" USING btree ("$1", "ünï");
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"Sch ✓"."Weird ""T""; DROP TABLE users; --"') AND attname = 'Mixed Case' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"Sch ✓"."Weird ""T""; DROP TABLE users; --"') AND attname = '$1' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"Sch ✓"."Weird ""T""; DROP TABLE users; --"') AND attname = 'ünï' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'Sch ✓' AND c.relname = 'ix; --' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"Sch ✓"."child/*"') IS NOT NULL) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
