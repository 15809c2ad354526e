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

-- [1/3] constraints: check rows of public.store against foreign key store_region_fk
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."store"') AND conname = 'store_region_fk' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."store" child WHERE (((child."country" IS NOT NULL OR child."region_code" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "public"."region" parent WHERE parent."country" = child."country" AND parent."code" = child."region_code")) OR ((child."country" IS NULL OR child."region_code" IS NULL) AND (child."country" IS NOT NULL OR child."region_code" IS NOT NULL))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key store_region_fk on public.store cannot be validated: rows reference missing public.region rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."store" child WHERE (((child."country" IS NOT NULL OR child."region_code" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "public"."region" parent WHERE parent."country" = child."country" AND parent."code" = child."region_code")) OR ((child."country" IS NULL OR child."region_code" IS NULL) AND (child."country" IS NOT NULL OR child."region_code" IS NOT NULL))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/3] constraints: add foreign key store_region_fk on public.store -> public.region (NOT VALID)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."store"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."region"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 'f' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['country', 'region_code']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['country', 'code']::text[] AND c.conname = 'store_region_fk')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."store" ADD CONSTRAINT "store_region_fk" FOREIGN KEY ("country", "region_code") REFERENCES "public"."region" ("country", "code") MATCH FULL NOT VALID;
\endif

-- [3/3] validate: validate foreign key store_region_fk on public.store
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."store" VALIDATE CONSTRAINT "store_region_fk";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."store"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."region"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 'f' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['country', 'region_code']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['country', 'code']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
