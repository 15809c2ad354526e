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

-- [1/3] views: set the options of materialized view public.user_summary (fillfactor=70)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'user_summary' AND c.relkind = 'm' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['fillfactor=70']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id integer', 'email text', 'created_at timestamp with time zone']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT users.id,
    users.email,
    users.created_at
   FROM public.users'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER MATERIALIZED VIEW "public"."user_summary" SET (fillfactor=70);
\endif

-- [2/3] view-indexes: drop invalid leftover index idx_user_summary_created_at on materialized view public.user_summary
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'idx_user_summary_created_at' AND x.indrelid = pg_catalog.to_regclass('"public"."user_summary"') AND NOT x.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_user_summary_created_at";
\endif

-- [3/3] view-indexes: create index idx_user_summary_created_at on materialized view public.user_summary concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'idx_user_summary_created_at' AND x.indrelid = pg_catalog.to_regclass('"public"."user_summary"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.user_summary USING btree (created_at)')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx_user_summary_created_at" ON public.user_summary USING btree (created_at);
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'user_summary' AND c.relkind = 'm' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY['fillfactor=70']::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id integer', 'email text', 'created_at timestamp with time zone']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT users.id,
    users.email,
    users.created_at
   FROM public.users'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'idx_user_summary_created_at' AND x.indrelid = pg_catalog.to_regclass('"public"."user_summary"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.user_summary USING btree (created_at)')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
