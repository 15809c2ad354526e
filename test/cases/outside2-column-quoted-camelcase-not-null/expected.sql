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

-- [1/5] fixes: check public."Planning".offersValidUntil for NULLs
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Planning"') AND attname = 'offersValidUntil' AND NOT attnotnull AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."Planning" WHERE "offersValidUntil" IS NULL; IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'public."Planning".offersValidUntil cannot be set NOT NULL: it holds NULLs: ' || n || ' row(s)', HINT = 'backfill them (UPDATE "public"."Planning" SET "offersValidUntil" = ... WHERE "offersValidUntil" IS NULL), then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/5] fixes: add check offersValidUntil_reconcile_not_null (NOT VALID) on public."Planning"
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Planning"') AND attname = 'offersValidUntil' AND NOT attnotnull AND NOT attisdropped) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."Planning"') AND conname = 'offersValidUntil_reconcile_not_null')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."Planning" ADD CONSTRAINT "offersValidUntil_reconcile_not_null" CHECK ("offersValidUntil" IS NOT NULL) NOT VALID;
\endif

-- [3/5] fixes: validate check offersValidUntil_reconcile_not_null on public."Planning"
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."Planning"') AND conname = 'offersValidUntil_reconcile_not_null')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."Planning" VALIDATE CONSTRAINT "offersValidUntil_reconcile_not_null";
\endif
SET statement_timeout = '60s';

-- [4/5] fixes: set NOT NULL on public."Planning".offersValidUntil
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Planning"') AND attname = 'offersValidUntil' AND NOT attnotnull AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."Planning" ALTER COLUMN "offersValidUntil" SET NOT NULL;
\endif

-- [5/5] fixes: drop helper check offersValidUntil_reconcile_not_null on public."Planning"
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."Planning" DROP CONSTRAINT IF EXISTS "offersValidUntil_reconcile_not_null";
