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

-- [1/4] fixes: set default of public.orders.id
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."orders" ALTER COLUMN "id" SET DEFAULT nextval('public.order_number_seq'::regclass);

-- [2/4] fixes: advance sequence public.order_number_seq past the values public.orders.id already hold, where it is behind them (the column's new default draws from it)
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (coalesce((SELECT CASE WHEN f.up THEN f.next <= f.used ELSE f.next >= f.used END FROM (SELECT p.seqincrement > 0 AS up, CASE WHEN s.is_called THEN s.last_value::numeric + p.seqincrement ELSE s.last_value::numeric END AS next, CASE WHEN p.seqincrement > 0 THEN greatest((SELECT max("id") FROM "public"."orders")::bigint) ELSE least((SELECT min("id") FROM "public"."orders")::bigint) END AS used FROM "public"."order_number_seq" s, pg_catalog.pg_sequence p WHERE p.seqrelid = '"public"."order_number_seq"'::regclass) f), false)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.setval('"public"."order_number_seq"'::regclass, f.used, true) FROM (SELECT p.seqincrement > 0 AS up, CASE WHEN s.is_called THEN s.last_value::numeric + p.seqincrement ELSE s.last_value::numeric END AS next, CASE WHEN p.seqincrement > 0 THEN greatest((SELECT max("id") FROM "public"."orders")::bigint) ELSE least((SELECT min("id") FROM "public"."orders")::bigint) END AS used FROM "public"."order_number_seq" s, pg_catalog.pg_sequence p WHERE p.seqrelid = '"public"."order_number_seq"'::regclass) f WHERE CASE WHEN f.up THEN f.next <= f.used ELSE f.next >= f.used END; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/4] fixes: set default of public.tickets.id
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."tickets" ALTER COLUMN "id" SET DEFAULT nextval('public.ticket_seq'::regclass);

-- [4/4] fixes: advance sequence public.ticket_seq past the values public.tickets.id already hold, where it is behind them (the column's new default draws from it)
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (coalesce((SELECT CASE WHEN f.up THEN f.next <= f.used ELSE f.next >= f.used END FROM (SELECT p.seqincrement > 0 AS up, CASE WHEN s.is_called THEN s.last_value::numeric + p.seqincrement ELSE s.last_value::numeric END AS next, CASE WHEN p.seqincrement > 0 THEN greatest((SELECT max("id") FROM "public"."tickets")::bigint) ELSE least((SELECT min("id") FROM "public"."tickets")::bigint) END AS used FROM "public"."ticket_seq" s, pg_catalog.pg_sequence p WHERE p.seqrelid = '"public"."ticket_seq"'::regclass) f), false)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.setval('"public"."ticket_seq"'::regclass, f.used, true) FROM (SELECT p.seqincrement > 0 AS up, CASE WHEN s.is_called THEN s.last_value::numeric + p.seqincrement ELSE s.last_value::numeric END AS next, CASE WHEN p.seqincrement > 0 THEN greatest((SELECT max("id") FROM "public"."tickets")::bigint) ELSE least((SELECT min("id") FROM "public"."tickets")::bigint) END AS used FROM "public"."ticket_seq" s, pg_catalog.pg_sequence p WHERE p.seqrelid = '"public"."ticket_seq"'::regclass) f WHERE CASE WHEN f.up THEN f.next <= f.used ELSE f.next >= f.used END; END $reconcile$;
\endif
SET statement_timeout = '60s';
