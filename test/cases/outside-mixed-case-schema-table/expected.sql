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

-- [1/3] columns: add column "Sales"."Order".Placed
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "Sales"."Order" ADD COLUMN IF NOT EXISTS "Placed" timestamp with time zone;

-- [2/3] indexes: drop invalid leftover index Order_Placed_idx on "Sales"."Order"
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'Sales' AND c.relname = 'Order_Placed_idx' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "Sales"."Order_Placed_idx";
\endif

-- [3/3] indexes: create index Order_Placed_idx on "Sales"."Order" concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'Sales' AND c.relname = 'Order_Placed_idx' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "Order_Placed_idx" ON "Sales"."Order" USING btree ("Placed" DESC);
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"Sales"."Order"') AND attname = 'Placed' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'Sales' AND c.relname = 'Order_Placed_idx' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
