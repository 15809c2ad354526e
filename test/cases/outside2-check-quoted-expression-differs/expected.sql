-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  8 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/8] constraints: check rows of public."Order Line" against Price Positive
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND conname = 'Price Positive' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."Order Line" WHERE NOT ((("Unit Price" > (0)::numeric))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check Price Positive on public."Order Line" cannot be validated: rows violate (("Unit Price" > (0)::numeric)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."Order Line" WHERE NOT ((("Unit Price" > (0)::numeric))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/8] constraints: add check Price Positive on public."Order Line" (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Price Positive' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK (("Unit Price" > (0)::numeric))' AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."Order Line" ADD CONSTRAINT "Price Positive" CHECK (("Unit Price" > (0)::numeric)) NOT VALID;
\endif

-- [3/8] constraints: check rows of public."Order Line" against Qty In Range_reconcile_new
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND c.convalidated AND NOT c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND c.convalidated AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."Order Line" WHERE NOT (((("Qty" >= 1) AND ("Qty" <= 1000)))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check Qty In Range_reconcile_new on public."Order Line" cannot be validated: rows violate ((("Qty" >= 1) AND ("Qty" <= 1000))): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."Order Line" WHERE NOT (((("Qty" >= 1) AND ("Qty" <= 1000)))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [4/8] constraints: add check Qty In Range_reconcile_new on public."Order Line" with the declared expression of Qty In Range (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND c.convalidated AND NOT c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."Order Line" ADD CONSTRAINT "Qty In Range_reconcile_new" CHECK ((("Qty" >= 1) AND ("Qty" <= 1000))) NOT VALID;
\endif

-- [5/8] validate: validate check Price Positive on public."Order Line"
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."Order Line" VALIDATE CONSTRAINT "Price Positive";
SET statement_timeout = '60s';

-- [6/8] validate: validate check Qty In Range_reconcile_new on public."Order Line"
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND c.convalidated AND NOT c.connoinherit) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND NOT c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND c.convalidated AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."Order Line" VALIDATE CONSTRAINT "Qty In Range_reconcile_new";
\endif
SET statement_timeout = '60s';

-- [7/8] validate: drop the replaced check Qty In Range on public."Order Line"
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND conname = 'Qty In Range') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND NOT c.connoinherit) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND c.convalidated AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."Order Line" DROP CONSTRAINT IF EXISTS "Qty In Range";
\endif

-- [8/8] validate: rename check Qty In Range_reconcile_new to Qty In Range on public."Order Line"
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND conname = 'Qty In Range_reconcile_new') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND conname = 'Qty In Range')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."Order Line" RENAME CONSTRAINT "Qty In Range_reconcile_new" TO "Qty In Range";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Price Positive' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK (("Unit Price" > (0)::numeric))' AND c.convalidated AND NOT c.connoinherit)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Order Line"') AND c.contype = 'c' AND c.conname = 'Qty In Range' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((("Qty" >= 1) AND ("Qty" <= 1000)))' AND c.convalidated AND NOT c.connoinherit)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
