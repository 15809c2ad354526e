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

-- [1/4] columns: add column public.person.full_name
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): adding public.person.full_name fills every existing row (volatile default, identity or stored generated column): the table is rewritten under an ACCESS EXCLUSIVE lock
SET statement_timeout = 0;
ALTER TABLE "public"."person" ADD COLUMN IF NOT EXISTS "full_name" text GENERATED ALWAYS AS (((first_name || ' '::text) || last_name)) STORED;
SET statement_timeout = '60s';

-- [2/4] columns: add column public.person.name_len
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): adding public.person.name_len fills every existing row (volatile default, identity or stored generated column): the table is rewritten under an ACCESS EXCLUSIVE lock
SET statement_timeout = 0;
ALTER TABLE "public"."person" ADD COLUMN IF NOT EXISTS "name_len" integer GENERATED ALWAYS AS ((length(first_name) + length(last_name))) STORED;
SET statement_timeout = '60s';

-- [3/4] indexes: drop invalid leftover index person_full_name_idx on public.person
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'person_full_name_idx' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."person_full_name_idx";
\endif

-- [4/4] indexes: create index person_full_name_idx on public.person concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'person_full_name_idx' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "person_full_name_idx" ON "public"."person" USING btree ("full_name");
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."person"') AND attname = 'full_name' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."person"') AND attname = 'name_len' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'person_full_name_idx' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
