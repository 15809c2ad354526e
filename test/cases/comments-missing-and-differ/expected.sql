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

-- [1/6] comments: replace comment on column public."Journal"."Body"
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.col_description(pg_catalog.to_regclass('"public"."Journal"'), (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Journal"') AND attname = 'Body' AND NOT attisdropped))) IS NOT DISTINCT FROM 'markdown') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON COLUMN "public"."Journal"."Body" IS 'markdown';
\endif

-- [2/6] comments: set comment on column public."Journal".feeling
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.col_description(pg_catalog.to_regclass('"public"."Journal"'), (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Journal"') AND attname = 'feeling' AND NOT attisdropped))) IS NOT DISTINCT FROM 'how the author felt') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON COLUMN "public"."Journal"."feeling" IS 'how the author felt';
\endif

-- [3/6] comments: set comment on function public.journal_count(date)
-- lock: none
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regprocedure('"public"."journal_count"(date)'), 'pg_proc')) IS NOT DISTINCT FROM 'entries since a day') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON FUNCTION "public"."journal_count"(date) IS 'entries since a day';
\endif

-- [4/6] comments: set comment on table public."Journal"
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regclass('"public"."Journal"'), 'pg_class')) IS NOT DISTINCT FROM 'one row per entry; it''s append-only') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON TABLE "public"."Journal" IS 'one row per entry; it''s append-only';
\endif

-- [5/6] comments: set comment on type public.mood
-- lock: none
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regtype('"public"."mood"'), 'pg_type')) IS NOT DISTINCT FROM 'two moods') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON TYPE "public"."mood" IS 'two moods';
\endif

-- [6/6] comments: set comment on view public.journal_ids
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regclass('"public"."journal_ids"'), 'pg_class')) IS NOT DISTINCT FROM 'ids only') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON VIEW "public"."journal_ids" IS 'ids only';
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT ((pg_catalog.col_description(pg_catalog.to_regclass('"public"."Journal"'), (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Journal"') AND attname = 'Body' AND NOT attisdropped))) IS NOT DISTINCT FROM 'markdown') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.col_description(pg_catalog.to_regclass('"public"."Journal"'), (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Journal"') AND attname = 'feeling' AND NOT attisdropped))) IS NOT DISTINCT FROM 'how the author felt') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regprocedure('"public"."journal_count"(date)'), 'pg_proc')) IS NOT DISTINCT FROM 'entries since a day') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regclass('"public"."Journal"'), 'pg_class')) IS NOT DISTINCT FROM 'one row per entry; it''s append-only') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regtype('"public"."mood"'), 'pg_type')) IS NOT DISTINCT FROM 'two moods') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regclass('"public"."journal_ids"'), 'pg_class')) IS NOT DISTINCT FROM 'ids only') THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
