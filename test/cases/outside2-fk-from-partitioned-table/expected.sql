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

-- [1/3] constraints: check rows of public.payment against foreign key payment_merchant_fkey
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."payment"') AND conname = 'payment_merchant_fkey' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."payment" child WHERE ((child."merchant_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."merchant" parent WHERE parent."id" = child."merchant_id"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key payment_merchant_fkey on public.payment cannot be validated: rows reference missing public.merchant rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."payment" child WHERE ((child."merchant_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."merchant" parent WHERE parent."id" = child."merchant_id"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/3] constraints: add foreign key payment_merchant_fkey on public.payment -> public.merchant (NOT VALID on PostgreSQL 18+; before, a partitioned table checks its rows at once)
-- lock: SHARE ROW EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."payment"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."merchant"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['merchant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'payment_merchant_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN IF pg_catalog.current_setting('server_version_num')::int >= 180000 THEN EXECUTE 'ALTER TABLE "public"."payment" ADD CONSTRAINT "payment_merchant_fkey" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant" ("id") NOT VALID'; ELSE EXECUTE 'ALTER TABLE "public"."payment" ADD CONSTRAINT "payment_merchant_fkey" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant" ("id")'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/3] validate: validate foreign key payment_merchant_fkey on public.payment
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."payment" VALIDATE CONSTRAINT "payment_merchant_fkey";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."payment"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."merchant"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['merchant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
