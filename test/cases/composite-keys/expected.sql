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

-- [1/3] constraints: check rows of public.lines against foreign key lines_tenant_order_id_fkey
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."lines"') AND conname = 'lines_tenant_order_id_fkey' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."lines" child WHERE (((child."tenant" IS NOT NULL OR child."order_id" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "public"."orders" parent WHERE parent."tenant" = child."tenant" AND parent."id" = child."order_id")) OR ((child."tenant" IS NULL OR child."order_id" IS NULL) AND (child."tenant" IS NOT NULL OR child."order_id" IS NOT NULL))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key lines_tenant_order_id_fkey on public.lines cannot be validated: rows reference missing public.orders rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."lines" child WHERE (((child."tenant" IS NOT NULL OR child."order_id" IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM "public"."orders" parent WHERE parent."tenant" = child."tenant" AND parent."id" = child."order_id")) OR ((child."tenant" IS NULL OR child."order_id" IS NULL) AND (child."tenant" IS NOT NULL OR child."order_id" IS NOT NULL))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/3] constraints: add foreign key lines_tenant_order_id_fkey on public.lines -> public.orders (NOT VALID)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."lines"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."orders"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 'f' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['tenant', 'order_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['tenant', 'id']::text[] AND c.conname = 'lines_tenant_order_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."lines" ADD CONSTRAINT "lines_tenant_order_id_fkey" FOREIGN KEY ("tenant", "order_id") REFERENCES "public"."orders" ("tenant", "id") MATCH FULL NOT VALID;
\endif

-- [3/3] validate: validate foreign key lines_tenant_order_id_fkey on public.lines
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."lines" VALIDATE CONSTRAINT "lines_tenant_order_id_fkey";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."lines"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."orders"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 'f' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['tenant', 'order_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['tenant', 'id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
