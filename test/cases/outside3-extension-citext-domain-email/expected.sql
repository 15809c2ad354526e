-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  5 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/5] extensions: create extension citext
-- lock: none
CREATE EXTENSION IF NOT EXISTS "citext" SCHEMA "public";

-- [2/5] functions: create domain app.email_address
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'email_address' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'public.citext' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY[E'email_address_check:CHECK ((VALUE OPERATOR(public.~) ''^[a-zA-Z0-9.!#$%&''''*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)*$''::public.citext))']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE DOMAIN "app"."email_address" AS public.citext CONSTRAINT "email_address_check" CHECK ((VALUE OPERATOR(public.~) '^[a-zA-Z0-9.!#$%&''*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$'::public.citext));
\endif

-- [3/5] columns: add column app.accounts.contact_email
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "app"."accounts" ADD COLUMN IF NOT EXISTS "contact_email" app.email_address;

-- [4/5] indexes: drop invalid leftover index accounts_contact_email on app.accounts
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relname = 'accounts_contact_email' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "app"."accounts_contact_email";
\endif

-- [5/5] indexes: create index accounts_contact_email on app.accounts concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relname = 'accounts_contact_email' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "accounts_contact_email" ON "app"."accounts" USING btree ("contact_email");
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"app"."accounts"') AND attname = 'contact_email' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relname = 'accounts_contact_email' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'email_address' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'public.citext' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY[E'email_address_check:CHECK ((VALUE OPERATOR(public.~) ''^[a-zA-Z0-9.!#$%&''''*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)*$''::public.citext))']::text[])) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
