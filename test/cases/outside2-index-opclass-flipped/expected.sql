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

-- [1/4] fixes: move index name_idx2 on public.pets to name_idx1_reconcile_swap (its declared name name_idx1 is held by another index being renamed)
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx2') AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE i.indrelid = pg_catalog.to_regclass('"public"."pets"') AND c.relname = 'name_idx2' AND am.amname = 'btree' AND i.indisunique = false AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY[pg_catalog.quote_ident('name')]::text[] AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ARRAY['bpchar_pattern_ops']::text[] AND i.indoption::text = '0' AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\) NULLS NOT DISTINCT( |$)') = false AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx2' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY[]::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY[]::text[])) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx1_reconcile_swap')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."name_idx2" RENAME TO "name_idx1_reconcile_swap";
\endif

-- [2/4] fixes: move index name_idx1 on public.pets to name_idx2_reconcile_swap (its declared name name_idx2 is held by another index being renamed)
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx1') AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE i.indrelid = pg_catalog.to_regclass('"public"."pets"') AND c.relname = 'name_idx1' AND am.amname = 'btree' AND i.indisunique = false AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY[pg_catalog.quote_ident('name')]::text[] AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ARRAY['']::text[] AND i.indoption::text = '0' AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\) NULLS NOT DISTINCT( |$)') = false AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx1' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY[]::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY[]::text[])) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx2_reconcile_swap')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."name_idx1" RENAME TO "name_idx2_reconcile_swap";
\endif

-- [3/4] keys: rename index name_idx1_reconcile_swap to name_idx1 on public.pets
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx1_reconcile_swap') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx1')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."name_idx1_reconcile_swap" RENAME TO "name_idx1";
\endif

-- [4/4] keys: rename index name_idx2_reconcile_swap to name_idx2 on public.pets
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx2_reconcile_swap') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'name_idx2')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."name_idx2_reconcile_swap" RENAME TO "name_idx2";
\endif
