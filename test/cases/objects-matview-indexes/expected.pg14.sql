-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  13 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/13] views: drop and create materialized view public.weekly (a materialized view has no CREATE OR REPLACE)
-- lock: none, may take long
-- HAZARD (replace): materialized view public.weekly is dropped and created again (a materialized view has no CREATE OR REPLACE) (without CASCADE: the drop fails if anything else depends on it)
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'weekly' AND c.relkind = 'm' AND pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT date_trunc(''week''::text, orders.placed_at) AS week,
    sum(orders.total) AS total
   FROM public.orders
  GROUP BY (date_trunc(''week''::text, orders.placed_at))' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['week timestamp with time zone', 'total numeric']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP MATERIALIZED VIEW "public"."weekly"'; EXECUTE 'CREATE MATERIALIZED VIEW "public"."weekly" AS SELECT date_trunc(''week''::text, orders.placed_at) AS week,
    count(*) AS n
   FROM public.orders
  GROUP BY (date_trunc(''week''::text, orders.placed_at)) WITH DATA'; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/13] view-indexes: drop invalid leftover index weekly_week on materialized view public.weekly (again, after the drop and create)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'weekly_week' AND x.indrelid = pg_catalog.to_regclass('"public"."weekly"') AND NOT x.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."weekly_week";
\endif

-- [3/13] view-indexes: create index weekly_week on materialized view public.weekly concurrently (again, after the drop and create)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'weekly_week' AND x.indrelid = pg_catalog.to_regclass('"public"."weekly"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE UNIQUE INDEX ON public.weekly USING btree (week)')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "weekly_week" ON public.weekly USING btree (week);
\endif
SET statement_timeout = '60s';

-- [4/13] view-indexes: drop invalid leftover index daily_day_reconcile_new on materialized view public.daily
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index daily_day on materialized view public.daily is rebuilt (its definition differs): the new one is built concurrently, then the old one is dropped under a brief ACCESS EXCLUSIVE lock on the view
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_day_reconcile_new' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND NOT x.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."daily_day_reconcile_new";
\endif

-- [5/13] view-indexes: build the replacement of index daily_day on materialized view public.daily concurrently as daily_day_reconcile_new (its definition differs)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index daily_day on materialized view public.daily is rebuilt (its definition differs): the new one is built concurrently, then the old one is dropped under a brief ACCESS EXCLUSIVE lock on the view
SET statement_timeout = 0;
SELECT (NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_day' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.daily USING btree (day)') OR EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_day_reconcile_new' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.daily USING btree (day)'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "daily_day_reconcile_new" ON public.daily USING btree (day);
\endif
SET statement_timeout = '60s';

-- [6/13] view-indexes: swap daily_day_reconcile_new in for index daily_day on materialized view public.daily
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace-index): index daily_day on materialized view public.daily is rebuilt (its definition differs): the new one is built concurrently, then the old one is dropped under a brief ACCESS EXCLUSIVE lock on the view
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_day_reconcile_new' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.daily USING btree (day)')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'DROP INDEX "public"."daily_day"'; EXECUTE 'ALTER INDEX "public"."daily_day_reconcile_new" RENAME TO "daily_day"'; END $reconcile$;
\endif

-- [7/13] view-indexes: drop invalid leftover index daily_total_reconcile_new on materialized view public.daily
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index daily_total on materialized view public.daily is rebuilt (it is invalid (a failed concurrent build)): the new one is built concurrently, then the old one is dropped under a brief ACCESS EXCLUSIVE lock on the view
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_total_reconcile_new' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND NOT x.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."daily_total_reconcile_new";
\endif

-- [8/13] view-indexes: build the replacement of index daily_total on materialized view public.daily concurrently as daily_total_reconcile_new (it is invalid (a failed concurrent build))
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index daily_total on materialized view public.daily is rebuilt (it is invalid (a failed concurrent build)): the new one is built concurrently, then the old one is dropped under a brief ACCESS EXCLUSIVE lock on the view
SET statement_timeout = 0;
SELECT (NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_total' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.daily USING btree (total)') OR EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_total_reconcile_new' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.daily USING btree (total)'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "daily_total_reconcile_new" ON public.daily USING btree (total);
\endif
SET statement_timeout = '60s';

-- [9/13] view-indexes: swap daily_total_reconcile_new in for index daily_total on materialized view public.daily
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace-index): index daily_total on materialized view public.daily is rebuilt (it is invalid (a failed concurrent build)): the new one is built concurrently, then the old one is dropped under a brief ACCESS EXCLUSIVE lock on the view
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_total_reconcile_new' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.daily USING btree (total)')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'DROP INDEX "public"."daily_total"'; EXECUTE 'ALTER INDEX "public"."daily_total_reconcile_new" RENAME TO "daily_total"'; END $reconcile$;
\endif

-- [10/13] view-indexes: drop invalid leftover index per_customer_big on materialized view public.per_customer
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'per_customer_big' AND x.indrelid = pg_catalog.to_regclass('"public"."per_customer"') AND NOT x.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."per_customer_big";
\endif

-- [11/13] view-indexes: create index per_customer_big on materialized view public.per_customer concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'per_customer_big' AND x.indrelid = pg_catalog.to_regclass('"public"."per_customer"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.per_customer USING btree (total DESC) WHERE (n > 5)')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "per_customer_big" ON public.per_customer USING btree (total DESC) WHERE (n > 5);
\endif
SET statement_timeout = '60s';

-- [12/13] view-indexes: drop invalid leftover index per_customer_customer on materialized view public.per_customer
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'per_customer_customer' AND x.indrelid = pg_catalog.to_regclass('"public"."per_customer"') AND NOT x.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."per_customer_customer";
\endif

-- [13/13] view-indexes: create index per_customer_customer on materialized view public.per_customer concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'per_customer_customer' AND x.indrelid = pg_catalog.to_regclass('"public"."per_customer"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE UNIQUE INDEX ON public.per_customer USING btree (customer)')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "per_customer_customer" ON public.per_customer USING btree (customer);
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'weekly' AND c.relkind = 'm' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['week timestamp with time zone', 'n bigint']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT date_trunc(''week''::text, orders.placed_at) AS week,
    count(*) AS n
   FROM public.orders
  GROUP BY (date_trunc(''week''::text, orders.placed_at))'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_day' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.daily USING btree (day)')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'daily_total' AND x.indrelid = pg_catalog.to_regclass('"public"."daily"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.daily USING btree (total)')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'per_customer_big' AND x.indrelid = pg_catalog.to_regclass('"public"."per_customer"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE INDEX ON public.per_customer USING btree (total DESC) WHERE (n > 5)')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = 'public' AND i.relname = 'per_customer_customer' AND x.indrelid = pg_catalog.to_regclass('"public"."per_customer"') AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\S+) ON ', '\1ON ') = 'CREATE UNIQUE INDEX ON public.per_customer USING btree (customer)')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
