-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  2 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/2] types: add value "returned" to enum shop.order_state
-- lock: none, outside any transaction
ALTER TYPE "shop"."order_state" ADD VALUE IF NOT EXISTS 'returned' AFTER 'shipped';

-- [2/2] columns: add column shop.purchase.history
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "shop"."purchase" ADD COLUMN IF NOT EXISTS "history" shop.order_state[] DEFAULT '{}'::shop.order_state[] NOT NULL;

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"shop"."purchase"') AND attname = 'history' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
