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

-- [1/2] fixes: set storage parameters of index counters_pkey on public.counters to fillfactor = 60 (pages written from now on; no rebuild)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'counters_pkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'counters_pkey' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY['fillfactor=60']::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY['fillfactor=60']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."counters_pkey" SET (fillfactor = 60);
\endif

-- [2/2] fixes: set storage parameters of index counters_bucket_name_key on public.counters to deduplicate_items = 'off', fillfactor = 80 (pages written from now on; no rebuild)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'counters_bucket_name_key') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'counters_bucket_name_key' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY['deduplicate_items=off', 'fillfactor=80']::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY['deduplicate_items=off', 'fillfactor=80']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."counters_bucket_name_key" SET (deduplicate_items = 'off', fillfactor = 80);
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'counters_pkey' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY['fillfactor=60']::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY['fillfactor=60']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'counters_bucket_name_key' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY['deduplicate_items=off', 'fillfactor=80']::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY['deduplicate_items=off', 'fillfactor=80']::text[])) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
