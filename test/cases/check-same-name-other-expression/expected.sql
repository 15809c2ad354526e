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

-- [1/5] constraints: check rows of public.prices against prices_amount_check_reconcile_new
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."prices" WHERE NOT (((amount >= (0)::numeric))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check prices_amount_check_reconcile_new on public.prices cannot be validated: rows violate ((amount >= (0)::numeric)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."prices" WHERE NOT (((amount >= (0)::numeric))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/5] constraints: add check prices_amount_check_reconcile_new on public.prices with the declared expression of prices_amount_check (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."prices" ADD CONSTRAINT "prices_amount_check_reconcile_new" CHECK ((amount >= (0)::numeric)) NOT VALID;
\endif

-- [3/5] validate: validate check prices_amount_check_reconcile_new on public.prices
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND NOT c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."prices" VALIDATE CONSTRAINT "prices_amount_check_reconcile_new";
\endif
SET statement_timeout = '60s';

-- [4/5] validate: drop the replaced check prices_amount_check on public.prices
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."prices"') AND conname = 'prices_amount_check') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND NOT c.connoinherit) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."prices" DROP CONSTRAINT IF EXISTS "prices_amount_check";
\endif

-- [5/5] validate: rename check prices_amount_check_reconcile_new to prices_amount_check on public.prices
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."prices"') AND conname = 'prices_amount_check_reconcile_new') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."prices"') AND conname = 'prices_amount_check')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."prices" RENAME CONSTRAINT "prices_amount_check_reconcile_new" TO "prices_amount_check";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."prices"') AND c.contype = 'c' AND c.conname = 'prices_amount_check' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((amount >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
