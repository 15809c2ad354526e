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

-- [1/7] constraints: check rows of public.stock against stock_price_pos_reconcile_new
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.convalidated AND c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.convalidated AND c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."stock" WHERE NOT (((price > (0)::numeric))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check stock_price_pos_reconcile_new on public.stock cannot be validated: rows violate ((price > (0)::numeric)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."stock" WHERE NOT (((price > (0)::numeric))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/7] constraints: add check stock_price_pos_reconcile_new on public.stock with the declared expression of stock_price_pos (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.convalidated AND c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."stock" ADD CONSTRAINT "stock_price_pos_reconcile_new" CHECK ((price > (0)::numeric)) NO INHERIT NOT VALID;
\endif

-- [3/7] validate: validate check stock_price_pos_reconcile_new on public.stock
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.convalidated AND c.connoinherit) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.convalidated AND c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."stock" VALIDATE CONSTRAINT "stock_price_pos_reconcile_new";
\endif
SET statement_timeout = '60s';

-- [4/7] validate: drop the replaced check stock_price_pos on public.stock
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."stock"') AND conname = 'stock_price_pos') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.connoinherit) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.convalidated AND c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."stock" DROP CONSTRAINT IF EXISTS "stock_price_pos";
\endif

-- [5/7] validate: rename check stock_price_pos_reconcile_new to stock_price_pos on public.stock
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."stock"') AND conname = 'stock_price_pos_reconcile_new') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."stock"') AND conname = 'stock_price_pos')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."stock" RENAME CONSTRAINT "stock_price_pos_reconcile_new" TO "stock_price_pos";
\endif

-- [6/7] validate: check rows of public.stock against stock_qty_nonneg
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."stock"') AND conname = 'stock_qty_nonneg' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."stock" WHERE NOT (((qty >= 0))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check stock_qty_nonneg on public.stock cannot be validated: rows violate ((qty >= 0)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."stock" WHERE NOT (((qty >= 0))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [7/7] validate: validate check stock_qty_nonneg on public.stock
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."stock" VALIDATE CONSTRAINT "stock_qty_nonneg";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."stock"') AND c.contype = 'c' AND c.conname = 'stock_price_pos' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((price > (0)::numeric))' AND c.convalidated AND c.connoinherit)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."stock"') AND conname = 'stock_qty_nonneg' AND convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
