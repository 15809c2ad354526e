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

-- [1/7] keys: check public.product for duplicates of (sku)
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."product"') AND c.contype = 'u' AND c.conname = 'product_sku_key' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['sku']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM (SELECT 1 FROM "public"."product" WHERE true AND "sku" IS NOT NULL GROUP BY "sku" HAVING count(*) > 1) AS dup WHERE true; IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'unique product_sku_key on public.product cannot be built: duplicate values of (sku): ' || n || ' row(s)', HINT = 'find them with SELECT "sku", count(*) FROM "public"."product" GROUP BY "sku" HAVING count(*) > 1'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/7] keys: drop invalid leftover index product_sku_key on public.product
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'product_sku_key' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."product_sku_key";
\endif

-- [3/7] keys: create index product_sku_key on public.product concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."product"') AND c.contype = 'u' AND c.conname = 'product_sku_key' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['sku']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[]) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'product_sku_key' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "product_sku_key" ON "public"."product" USING btree ("sku");
\endif
SET statement_timeout = '60s';

-- [4/7] keys: attach index product_sku_key as unique product_sku_key of public.product
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."product"') AND c.contype = 'u' AND c.conname = 'product_sku_key' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['sku']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."product" ADD CONSTRAINT "product_sku_key" UNIQUE USING INDEX "product_sku_key";
\endif

-- [5/7] constraints: check rows of public.stock against foreign key stock_sku_fk
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."stock"') AND conname = 'stock_sku_fk' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."stock" child WHERE ((child."sku" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."product" parent WHERE parent."sku" = child."sku"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key stock_sku_fk on public.stock cannot be validated: rows reference missing public.product rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."stock" child WHERE ((child."sku" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."product" parent WHERE parent."sku" = child."sku"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [6/7] constraints: add foreign key stock_sku_fk on public.stock -> public.product (NOT VALID)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."product"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['sku']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['sku']::text[] AND c.conname = 'stock_sku_fk')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."stock" ADD CONSTRAINT "stock_sku_fk" FOREIGN KEY ("sku") REFERENCES "public"."product" ("sku") NOT VALID;
\endif

-- [7/7] validate: validate foreign key stock_sku_fk on public.stock
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."stock" VALIDATE CONSTRAINT "stock_sku_fk";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."product"') AND c.contype = 'u' AND c.conname = 'product_sku_key' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['sku']::text[] AND ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o) = ARRAY[]::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."product"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['sku']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['sku']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
