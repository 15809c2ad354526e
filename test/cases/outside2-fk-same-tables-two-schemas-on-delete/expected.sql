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

-- [1/5] fixes: check rows of billing.orders against foreign key orders_customer_fkey_reconciled
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"billing"."orders"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"billing"."customer"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['customer_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "billing"."orders" child WHERE ((child."customer_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "billing"."customer" parent WHERE parent."id" = child."customer_id"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key orders_customer_fkey_reconciled on billing.orders cannot be validated: rows reference missing billing.customer rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "billing"."orders" child WHERE ((child."customer_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "billing"."customer" parent WHERE parent."id" = child."customer_id"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/5] fixes: add foreign key orders_customer_fkey_reconciled on billing.orders with the declared actions (NOT VALID)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"billing"."orders"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"billing"."customer"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['customer_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "billing"."orders" ADD CONSTRAINT "orders_customer_fkey_reconciled" FOREIGN KEY ("customer_id") REFERENCES "billing"."customer" ("id") ON DELETE CASCADE NOT VALID;
\endif

-- [3/5] fixes: validate foreign key orders_customer_fkey_reconciled on billing.orders
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"billing"."orders"') AND conname = 'orders_customer_fkey_reconciled') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"billing"."orders"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"billing"."customer"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['customer_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'orders_customer_fkey_reconciled' AND c.convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "billing"."orders" VALIDATE CONSTRAINT "orders_customer_fkey_reconciled";
\endif
SET statement_timeout = '60s';

-- [4/5] fixes: drop the replaced foreign key orders_customer_fkey on billing.orders
-- lock: SHARE ROW EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"billing"."orders"') AND conname = 'orders_customer_fkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"billing"."orders"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"billing"."customer"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['customer_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'orders_customer_fkey') AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"billing"."orders"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"billing"."customer"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['customer_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "billing"."orders" DROP CONSTRAINT IF EXISTS "orders_customer_fkey";
\endif

-- [5/5] fixes: rename foreign key orders_customer_fkey_reconciled to orders_customer_fkey on billing.orders
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"billing"."orders"') AND conname = 'orders_customer_fkey_reconciled') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"billing"."orders"') AND conname = 'orders_customer_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "billing"."orders" RENAME CONSTRAINT "orders_customer_fkey_reconciled" TO "orders_customer_fkey";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"billing"."orders"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"billing"."customer"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['customer_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
