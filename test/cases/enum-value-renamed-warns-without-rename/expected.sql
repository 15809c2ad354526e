-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  1 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/1] types: add value "returned" to enum public.order_state
-- lock: none, outside any transaction
ALTER TYPE "public"."order_state" ADD VALUE IF NOT EXISTS 'returned' AFTER 'delivered';

-- NOTE: enum public.order_state lacks value "shipped" where it has "sent", which the model lacks: if it was renamed, --rename --allow-hazards rename renames it (rows keep their value under the new name); if "shipped" is a new value, add it by hand (ALTER TYPE "public"."order_state" ADD VALUE 'shipped' AFTER 'new'). This plan adds neither: once "shipped" is added, "sent" can no longer be renamed to it
