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

-- [1/5] keys: drop invalid leftover index countries_code_idx on public.countries
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'countries_code_idx' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."countries_code_idx";
\endif

-- [2/5] keys: create index countries_code_idx on public.countries concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'countries_code_idx' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "countries_code_idx" ON "public"."countries" USING btree ("code");
\endif
SET statement_timeout = '60s';

-- [3/5] constraints: check rows of public.cities against foreign key cities_country_code_fkey
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."cities"') AND conname = 'cities_country_code_fkey' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."cities" child WHERE ((child."country_code" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."countries" parent WHERE parent."code" = child."country_code"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key cities_country_code_fkey on public.cities cannot be validated: rows reference missing public.countries rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."cities" child WHERE ((child."country_code" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."countries" parent WHERE parent."code" = child."country_code"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [4/5] constraints: add foreign key cities_country_code_fkey on public.cities -> public.countries (NOT VALID)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."cities"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."countries"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['country_code']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['code']::text[] AND c.conname = 'cities_country_code_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."cities" ADD CONSTRAINT "cities_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "public"."countries" ("code") NOT VALID;
\endif

-- [5/5] validate: validate foreign key cities_country_code_fkey on public.cities
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."cities" VALIDATE CONSTRAINT "cities_country_code_fkey";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."cities"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."countries"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['country_code']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['code']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'countries_code_idx' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
