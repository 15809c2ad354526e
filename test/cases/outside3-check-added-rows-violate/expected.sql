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

-- [1/3] constraints: check rows of public.subscriptions against subscriptions_seats_positive
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."subscriptions"') AND conname = 'subscriptions_seats_positive' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."subscriptions" WHERE NOT (((seats > 0))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check subscriptions_seats_positive on public.subscriptions cannot be validated: rows violate ((seats > 0)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."subscriptions" WHERE NOT (((seats > 0))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/3] constraints: add check subscriptions_seats_positive on public.subscriptions (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."subscriptions"') AND c.contype = 'c' AND c.conname = 'subscriptions_seats_positive' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((seats > 0))' AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."subscriptions" ADD CONSTRAINT "subscriptions_seats_positive" CHECK ((seats > 0)) NOT VALID;
\endif

-- [3/3] validate: validate check subscriptions_seats_positive on public.subscriptions
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."subscriptions" VALIDATE CONSTRAINT "subscriptions_seats_positive";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."subscriptions"') AND c.contype = 'c' AND c.conname = 'subscriptions_seats_positive' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((seats > 0))' AND c.convalidated AND NOT c.connoinherit)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
