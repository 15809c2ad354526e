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

-- [1/3] constraints: check rows of public.usage_row against foreign key usage_row_tenant_id_fkey
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."usage_row"') AND conname = 'usage_row_tenant_id_fkey' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."usage_row" child WHERE ((child."tenant_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."tenant_acct" parent WHERE parent."id" = child."tenant_id"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key usage_row_tenant_id_fkey on public.usage_row cannot be validated: rows reference missing public.tenant_acct rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."usage_row" child WHERE ((child."tenant_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."tenant_acct" parent WHERE parent."id" = child."tenant_id"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/3] constraints: add foreign key usage_row_tenant_id_fkey on public.usage_row -> public.tenant_acct (NOT VALID on PostgreSQL 18+; before, a partitioned table checks its rows at once)
-- lock: SHARE ROW EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."usage_row"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."tenant_acct"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['tenant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'usage_row_tenant_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN IF pg_catalog.current_setting('server_version_num')::int >= 180000 THEN EXECUTE 'ALTER TABLE "public"."usage_row" ADD CONSTRAINT "usage_row_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant_acct" ("id") NOT VALID'; ELSE EXECUTE 'ALTER TABLE "public"."usage_row" ADD CONSTRAINT "usage_row_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant_acct" ("id")'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/3] validate: validate foreign key usage_row_tenant_id_fkey on public.usage_row
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."usage_row" VALIDATE CONSTRAINT "usage_row_tenant_id_fkey";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."usage_row"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."tenant_acct"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['tenant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
