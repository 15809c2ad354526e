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

-- [1/6] views: drop and create view public.weighted_events (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end)
-- lock: none
-- HAZARD (replace): view public.weighted_events is dropped and created again (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end), with what depends on it, created again as declared: materialized view public.kind_scores
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'weighted_events' AND c.relkind = 'v' AND pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT id,
    kind,
    at,
    (weight * 2) AS score
   FROM public.events' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'kind text', 'at timestamp with time zone', 'score integer']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP MATERIALIZED VIEW "public"."kind_scores"'; EXECUTE 'DROP VIEW "public"."weighted_events"'; EXECUTE 'CREATE VIEW "public"."weighted_events" AS SELECT id,
    kind,
    at,
    ((weight)::numeric * 1.5) AS score
   FROM public.events'; EXECUTE 'CREATE MATERIALIZED VIEW "public"."kind_scores" AS SELECT kind,
    sum(score) AS total,
    count(*) AS n
   FROM public.weighted_events
  GROUP BY kind WITH DATA'; END $reconcile$;
\endif

-- [2/6] views: drop and create materialized view public.kind_scores (a materialized view has no CREATE OR REPLACE)
-- lock: none, may take long
-- HAZARD (replace): materialized view public.kind_scores is dropped and created again (a materialized view has no CREATE OR REPLACE) (without CASCADE: the drop fails if anything else depends on it)
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'kind_scores' AND c.relkind = 'm' AND pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT kind,
    sum(score) AS total,
    count(*) AS n
   FROM public.weighted_events
  GROUP BY kind' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['kind text', 'total bigint', 'n bigint']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP MATERIALIZED VIEW "public"."kind_scores"'; EXECUTE 'CREATE MATERIALIZED VIEW "public"."kind_scores" AS SELECT kind,
    sum(score) AS total,
    count(*) AS n
   FROM public.weighted_events
  GROUP BY kind WITH DATA'; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/6] view-indexes: drop invalid leftover index kind_scores_kind on materialized view public.kind_scores (again, after the drop and create)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'kind_scores_kind' AND x.indrelid = pg_catalog.to_regclass('"public"."kind_scores"') AND NOT x.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."kind_scores_kind";
\endif

-- [4/6] view-indexes: create index kind_scores_kind on materialized view public.kind_scores concurrently (again, after the drop and create)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'kind_scores_kind' AND x.indrelid = pg_catalog.to_regclass('"public"."kind_scores"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE UNIQUE INDEX ON public.kind_scores USING btree (kind)')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "kind_scores_kind" ON public.kind_scores USING btree (kind);
\endif
SET statement_timeout = '60s';

-- [5/6] comments: set comment on materialized view public.kind_scores (again, after the drop and create)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regclass('"public"."kind_scores"'), 'pg_class')) IS NOT DISTINCT FROM 'refreshed nightly') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON MATERIALIZED VIEW "public"."kind_scores" IS 'refreshed nightly';
\endif

-- [6/6] grants: grant SELECT on table public.kind_scores to reconcile_case_authenticated (again, after the drop and create)
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."kind_scores"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON TABLE "public"."kind_scores" TO "reconcile_case_authenticated";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'kind_scores' AND c.relkind = 'm' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['kind text', 'total numeric', 'n bigint']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT kind,
    sum(score) AS total,
    count(*) AS n
   FROM public.weighted_events
  GROUP BY kind'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'weighted_events' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'kind text', 'at timestamp with time zone', 'score numeric']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT id,
    kind,
    at,
    ((weight)::numeric * 1.5) AS score
   FROM public.events'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
