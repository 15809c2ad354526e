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

-- [1/3] sequences: create sequence public.receipt_seq_no_seq
-- lock: none
CREATE SEQUENCE IF NOT EXISTS "public"."receipt_seq_no_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- [2/3] fixes: sequence public.receipt_seq_no_seq owned by public.receipt.seq_no
-- lock: none
ALTER SEQUENCE "public"."receipt_seq_no_seq" OWNED BY "public"."receipt"."seq_no";

-- [3/3] fixes: set default of public.receipt.seq_no
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."receipt" ALTER COLUMN "seq_no" SET DEFAULT nextval('public.receipt_seq_no_seq'::regclass);
