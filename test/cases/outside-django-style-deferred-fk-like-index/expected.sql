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

-- [1/7] constraints: check rows of public.catalog_item against foreign key catalog_item_category_id_5e7a1f_fk_catalog_category_id
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."catalog_item"') AND conname = 'catalog_item_category_id_5e7a1f_fk_catalog_category_id' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."catalog_item" child WHERE ((child."category_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."catalog_category" parent WHERE parent."id" = child."category_id"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key catalog_item_category_id_5e7a1f_fk_catalog_category_id on public.catalog_item cannot be validated: rows reference missing public.catalog_category rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."catalog_item" child WHERE ((child."category_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."catalog_category" parent WHERE parent."id" = child."category_id"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/7] constraints: add foreign key catalog_item_category_id_5e7a1f_fk_catalog_category_id on public.catalog_item -> public.catalog_category (NOT VALID)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."catalog_item"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."catalog_category"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['category_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'catalog_item_category_id_5e7a1f_fk_catalog_category_id')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."catalog_item" ADD CONSTRAINT "catalog_item_category_id_5e7a1f_fk_catalog_category_id" FOREIGN KEY ("category_id") REFERENCES "public"."catalog_category" ("id") DEFERRABLE INITIALLY DEFERRED NOT VALID;
\endif

-- [3/7] validate: validate foreign key catalog_item_category_id_5e7a1f_fk_catalog_category_id on public.catalog_item
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."catalog_item" VALIDATE CONSTRAINT "catalog_item_category_id_5e7a1f_fk_catalog_category_id";
SET statement_timeout = '60s';

-- [4/7] indexes: drop invalid leftover index catalog_category_slug_0b1c2d_like on public.catalog_category
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'catalog_category_slug_0b1c2d_like' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."catalog_category_slug_0b1c2d_like";
\endif

-- [5/7] indexes: create index catalog_category_slug_0b1c2d_like on public.catalog_category concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'catalog_category_slug_0b1c2d_like' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "catalog_category_slug_0b1c2d_like" ON "public"."catalog_category" USING btree ("slug" varchar_pattern_ops);
\endif
SET statement_timeout = '60s';

-- [6/7] indexes: drop invalid leftover index catalog_item_category_id_5e7a1f on public.catalog_item
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'catalog_item_category_id_5e7a1f' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."catalog_item_category_id_5e7a1f";
\endif

-- [7/7] indexes: create index catalog_item_category_id_5e7a1f on public.catalog_item concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'catalog_item_category_id_5e7a1f' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "catalog_item_category_id_5e7a1f" ON "public"."catalog_item" USING btree ("category_id");
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'catalog_category_slug_0b1c2d_like' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."catalog_item"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."catalog_category"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['category_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'catalog_item_category_id_5e7a1f' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
