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

-- [1/4] indexes: drop index users_domain_idx on public.users (it differs from the model)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index users_domain_idx on public.users differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'users_domain_idx') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE i.indrelid = pg_catalog.to_regclass('"public"."users"') AND c.relname = 'users_domain_idx' AND am.amname = 'btree' AND i.indisunique = false AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY['split_part(email, ''@''::text, 2)', pg_catalog.quote_ident('id')]::text[] AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ARRAY['', '']::text[] AND i.indoption::text = '0 0' AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\) NULLS NOT DISTINCT( |$)') = false AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'users_domain_idx' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY[]::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY[]::text[]))) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."users_domain_idx";
\endif

-- [2/4] indexes: create index users_domain_idx on public.users concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index users_domain_idx on public.users differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_domain_idx" ON "public"."users" USING btree ((split_part(email, '@'::text, 2)), "id");
SET statement_timeout = '60s';

-- [3/4] indexes: drop invalid leftover index users_email_prefix_idx on public.users
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'users_email_prefix_idx' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."users_email_prefix_idx";
\endif

-- [4/4] indexes: create index users_email_prefix_idx on public.users concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'users_email_prefix_idx' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email_prefix_idx" ON "public"."users" USING btree ((lower(email)) text_pattern_ops) WHERE (deleted_at IS NULL);
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'users_email_prefix_idx' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
