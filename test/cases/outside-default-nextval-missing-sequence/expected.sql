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

-- [1/2] sequences: create sequence public.invoice_number_seq
-- lock: none
CREATE SEQUENCE IF NOT EXISTS "public"."invoice_number_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1 NO CYCLE;

-- [2/2] fixes: set default of public.invoice.number
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."invoice" ALTER COLUMN "number" SET DEFAULT nextval('public.invoice_number_seq'::regclass);
