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

-- [1/2] types: add value "a'ok" to enum public.reply
-- lock: none, outside any transaction
ALTER TYPE "public"."reply" ADD VALUE IF NOT EXISTS 'a''ok' BEFORE 'it''s fine';

-- [2/2] types: add value "won't do" to enum public.reply
-- lock: none, outside any transaction
ALTER TYPE "public"."reply" ADD VALUE IF NOT EXISTS 'won''t do' AFTER 'don''t';
