-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  4 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/4] types: add value "draft" to enum public.order_status
-- lock: none, outside any transaction
ALTER TYPE "public"."order_status" ADD VALUE IF NOT EXISTS 'draft' BEFORE 'pending';

-- [2/4] types: add value "refunded" to enum public.order_status
-- lock: none, outside any transaction
ALTER TYPE "public"."order_status" ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';

-- [3/4] columns: add column public.refunds.previous
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."refunds" ADD COLUMN IF NOT EXISTS "previous" public.order_status DEFAULT 'refunded'::public.order_status NOT NULL;

-- [4/4] fixes: set default of public.orders.status
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."orders" ALTER COLUMN "status" SET DEFAULT 'draft'::public.order_status;

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."refunds"') AND attname = 'previous' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
