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

-- [1/3] sequences: create sequence public.invoice_number_seq
-- lock: none
CREATE SEQUENCE IF NOT EXISTS "public"."invoice_number_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1 NO CYCLE;

-- [2/3] fixes: set default of public.invoice.number
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."invoice" ALTER COLUMN "number" SET DEFAULT nextval('public.invoice_number_seq'::regclass);

-- [3/3] fixes: advance sequence public.invoice_number_seq past the values public.invoice.number already hold, where it is behind them (the column's new default draws from it)
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (coalesce((SELECT CASE WHEN f.up THEN f.next <= f.used ELSE f.next >= f.used END FROM (SELECT p.seqincrement > 0 AS up, CASE WHEN s.is_called THEN s.last_value::numeric + p.seqincrement ELSE s.last_value::numeric END AS next, CASE WHEN p.seqincrement > 0 THEN greatest((SELECT max("number") FROM "public"."invoice")::bigint) ELSE least((SELECT min("number") FROM "public"."invoice")::bigint) END AS used FROM "public"."invoice_number_seq" s, pg_catalog.pg_sequence p WHERE p.seqrelid = '"public"."invoice_number_seq"'::regclass) f), false)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.setval('"public"."invoice_number_seq"'::regclass, f.used, true) FROM (SELECT p.seqincrement > 0 AS up, CASE WHEN s.is_called THEN s.last_value::numeric + p.seqincrement ELSE s.last_value::numeric END AS next, CASE WHEN p.seqincrement > 0 THEN greatest((SELECT max("number") FROM "public"."invoice")::bigint) ELSE least((SELECT min("number") FROM "public"."invoice")::bigint) END AS used FROM "public"."invoice_number_seq" s, pg_catalog.pg_sequence p WHERE p.seqrelid = '"public"."invoice_number_seq"'::regclass) f WHERE CASE WHEN f.up THEN f.next <= f.used ELSE f.next >= f.used END; END $reconcile$;
\endif
SET statement_timeout = '60s';
