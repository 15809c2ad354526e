-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  6 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/6] types: create collation app.ci
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_collation co WHERE co.collname = 'ci' AND co.collnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND (CASE co.collprovider WHEN 'i' THEN 'provider = icu, locale = ' || quote_literal(coalesce((to_jsonb(co) ->> 'colllocale'), (to_jsonb(co) ->> 'colliculocale'), co.collcollate)) WHEN 'b' THEN 'provider = builtin, locale = ' || quote_literal((to_jsonb(co) ->> 'colllocale')) ELSE CASE WHEN co.collcollate = co.collctype THEN 'locale = ' || quote_literal(co.collcollate) ELSE 'lc_collate = ' || quote_literal(co.collcollate) || ', lc_ctype = ' || quote_literal(co.collctype) END END || CASE WHEN NOT co.collisdeterministic THEN ', deterministic = false' ELSE '' END || coalesce(', rules = ' || quote_literal((to_jsonb(co) ->> 'collicurules')), '')) = 'provider = icu, locale = ''und-u-ks-level2'', deterministic = false')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE COLLATION "app"."ci" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
\endif

-- [2/6] types: drop and create collation app.loose (defined otherwise)
-- lock: none
-- HAZARD (replace): collation app.loose is dropped and created again (its provider, locale or determinism changes); it fails, changing nothing, while a column, index or domain uses it
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_collation co WHERE co.collname = 'loose' AND co.collnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND (CASE co.collprovider WHEN 'i' THEN 'provider = icu, locale = ' || quote_literal(coalesce((to_jsonb(co) ->> 'colllocale'), (to_jsonb(co) ->> 'colliculocale'), co.collcollate)) WHEN 'b' THEN 'provider = builtin, locale = ' || quote_literal((to_jsonb(co) ->> 'colllocale')) ELSE CASE WHEN co.collcollate = co.collctype THEN 'locale = ' || quote_literal(co.collcollate) ELSE 'lc_collate = ' || quote_literal(co.collcollate) || ', lc_ctype = ' || quote_literal(co.collctype) END END || CASE WHEN NOT co.collisdeterministic THEN ', deterministic = false' ELSE '' END || coalesce(', rules = ' || quote_literal((to_jsonb(co) ->> 'collicurules')), '')) = 'provider = icu, locale = ''und-u-ks-level1'', deterministic = false')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'DROP COLLATION "app"."loose"'; EXECUTE 'CREATE COLLATION "app"."loose" (provider = icu, locale = ''und-u-ks-level1'', deterministic = false)'; END $reconcile$;
\endif

-- [3/6] types: create collation app.posix_c
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_collation co WHERE co.collname = 'posix_c' AND co.collnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND (CASE co.collprovider WHEN 'i' THEN 'provider = icu, locale = ' || quote_literal(coalesce((to_jsonb(co) ->> 'colllocale'), (to_jsonb(co) ->> 'colliculocale'), co.collcollate)) WHEN 'b' THEN 'provider = builtin, locale = ' || quote_literal((to_jsonb(co) ->> 'colllocale')) ELSE CASE WHEN co.collcollate = co.collctype THEN 'locale = ' || quote_literal(co.collcollate) ELSE 'lc_collate = ' || quote_literal(co.collcollate) || ', lc_ctype = ' || quote_literal(co.collctype) END END || CASE WHEN NOT co.collisdeterministic THEN ', deterministic = false' ELSE '' END || coalesce(', rules = ' || quote_literal((to_jsonb(co) ->> 'collicurules')), '')) = 'locale = ''C''')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE COLLATION "app"."posix_c" (locale = 'C');
\endif

-- [4/6] types: create domain app.email
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'email' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'text' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['email_check:CHECK ((VALUE ~~ ''%@%''::text))']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
CREATE DOMAIN "app"."email" AS text COLLATE app.ci CONSTRAINT "email_check" CHECK ((VALUE ~~ '%@%'::text));
\endif

-- [5/6] tables: create table app.users
-- lock: none
CREATE TABLE IF NOT EXISTS "app"."users" (
  "id" bigint NOT NULL,
  "email" app.email NOT NULL,
  "handle" text COLLATE app.ci,
  "code" text COLLATE app.posix_c,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- [6/6] indexes: create index users_handle on app.users
-- lock: SHARE
CREATE UNIQUE INDEX IF NOT EXISTS "users_handle" ON "app"."users" USING btree ("handle");

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"app"."users"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_collation co WHERE co.collname = 'ci' AND co.collnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND (CASE co.collprovider WHEN 'i' THEN 'provider = icu, locale = ' || quote_literal(coalesce((to_jsonb(co) ->> 'colllocale'), (to_jsonb(co) ->> 'colliculocale'), co.collcollate)) WHEN 'b' THEN 'provider = builtin, locale = ' || quote_literal((to_jsonb(co) ->> 'colllocale')) ELSE CASE WHEN co.collcollate = co.collctype THEN 'locale = ' || quote_literal(co.collcollate) ELSE 'lc_collate = ' || quote_literal(co.collcollate) || ', lc_ctype = ' || quote_literal(co.collctype) END END || CASE WHEN NOT co.collisdeterministic THEN ', deterministic = false' ELSE '' END || coalesce(', rules = ' || quote_literal((to_jsonb(co) ->> 'collicurules')), '')) = 'provider = icu, locale = ''und-u-ks-level2'', deterministic = false')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_collation co WHERE co.collname = 'loose' AND co.collnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND (CASE co.collprovider WHEN 'i' THEN 'provider = icu, locale = ' || quote_literal(coalesce((to_jsonb(co) ->> 'colllocale'), (to_jsonb(co) ->> 'colliculocale'), co.collcollate)) WHEN 'b' THEN 'provider = builtin, locale = ' || quote_literal((to_jsonb(co) ->> 'colllocale')) ELSE CASE WHEN co.collcollate = co.collctype THEN 'locale = ' || quote_literal(co.collcollate) ELSE 'lc_collate = ' || quote_literal(co.collcollate) || ', lc_ctype = ' || quote_literal(co.collctype) END END || CASE WHEN NOT co.collisdeterministic THEN ', deterministic = false' ELSE '' END || coalesce(', rules = ' || quote_literal((to_jsonb(co) ->> 'collicurules')), '')) = 'provider = icu, locale = ''und-u-ks-level1'', deterministic = false')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_collation co WHERE co.collname = 'posix_c' AND co.collnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND (CASE co.collprovider WHEN 'i' THEN 'provider = icu, locale = ' || quote_literal(coalesce((to_jsonb(co) ->> 'colllocale'), (to_jsonb(co) ->> 'colliculocale'), co.collcollate)) WHEN 'b' THEN 'provider = builtin, locale = ' || quote_literal((to_jsonb(co) ->> 'colllocale')) ELSE CASE WHEN co.collcollate = co.collctype THEN 'locale = ' || quote_literal(co.collcollate) ELSE 'lc_collate = ' || quote_literal(co.collcollate) || ', lc_ctype = ' || quote_literal(co.collctype) END END || CASE WHEN NOT co.collisdeterministic THEN ', deterministic = false' ELSE '' END || coalesce(', rules = ' || quote_literal((to_jsonb(co) ->> 'collicurules')), '')) = 'locale = ''C''')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typtype = 'd' AND t.typname = 'email' AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'app') AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = 'text' AND t.typnotnull = false AND t.typdefault IS NOT DISTINCT FROM NULL AND ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname) = ARRAY['email_check:CHECK ((VALUE ~~ ''%@%''::text))']::text[])) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
