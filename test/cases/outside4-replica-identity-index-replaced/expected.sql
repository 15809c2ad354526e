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

-- [1/6] indexes: drop invalid leftover index shipment_key_reconciled on public.shipment
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index shipment_key on public.shipment differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key_reconciled' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."shipment_key_reconciled";
\endif

-- [2/6] indexes: create index shipment_key as shipment_key_reconciled on public.shipment concurrently, when the live shipment_key is the table's replica identity (it stays until the identity moves)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index shipment_key on public.shipment differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE i.indrelid = pg_catalog.to_regclass('"public"."shipment"') AND c.relname = 'shipment_key' AND am.amname = 'btree' AND i.indisunique = true AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY[pg_catalog.quote_ident('carrier'), pg_catalog.quote_ident('tracking'), pg_catalog.quote_ident('region')]::text[] AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ARRAY['', '', '']::text[] AND i.indoption::text = '0 0 0' AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\) NULLS NOT DISTINCT( |$)') = false AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY[]::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY[]::text[])) AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."shipment"') AND c.relreplident = 'i' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident AND i.relname = 'shipment_key')) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key_reconciled' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "shipment_key_reconciled" ON "public"."shipment" USING btree ("carrier", "tracking", "region");
\endif
SET statement_timeout = '60s';

-- [3/6] indexes: set replica identity USING INDEX shipment_key_reconciled of public.shipment (it replaces shipment_key, which is dropped next)
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace-index): index shipment_key on public.shipment differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key_reconciled' AND i.indisvalid) AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE i.indrelid = pg_catalog.to_regclass('"public"."shipment"') AND c.relname = 'shipment_key_reconciled' AND am.amname = 'btree' AND i.indisunique = true AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY[pg_catalog.quote_ident('carrier'), pg_catalog.quote_ident('tracking'), pg_catalog.quote_ident('region')]::text[] AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ARRAY['', '', '']::text[] AND i.indoption::text = '0 0 0' AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\) NULLS NOT DISTINCT( |$)') = false AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key_reconciled' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY[]::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY[]::text[])) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."shipment"') AND c.relreplident = 'i' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident AND i.relname = 'shipment_key_reconciled'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."shipment" REPLICA IDENTITY USING INDEX "shipment_key_reconciled";
\endif

-- [4/6] indexes: drop index shipment_key on public.shipment (it differs from the model)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index shipment_key on public.shipment differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE i.indrelid = pg_catalog.to_regclass('"public"."shipment"') AND c.relname = 'shipment_key' AND am.amname = 'btree' AND i.indisunique = true AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY[pg_catalog.quote_ident('carrier'), pg_catalog.quote_ident('tracking'), pg_catalog.quote_ident('region')]::text[] AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ARRAY['', '', '']::text[] AND i.indoption::text = '0 0 0' AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\) NULLS NOT DISTINCT( |$)') = false AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY[]::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY[]::text[])) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."shipment"') AND c.relreplident = 'i' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident AND i.relname = 'shipment_key'))) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."shipment_key";
\endif

-- [5/6] indexes: rename index shipment_key_reconciled to shipment_key on public.shipment (the replica identity, now as declared)
-- lock: ACCESS EXCLUSIVE
-- HAZARD (replace-index): index shipment_key on public.shipment differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key_reconciled' AND i.indisvalid) AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE i.indrelid = pg_catalog.to_regclass('"public"."shipment"') AND c.relname = 'shipment_key_reconciled' AND am.amname = 'btree' AND i.indisunique = true AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY[pg_catalog.quote_ident('carrier'), pg_catalog.quote_ident('tracking'), pg_catalog.quote_ident('region')]::text[] AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ARRAY['', '', '']::text[] AND i.indoption::text = '0 0 0' AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\) NULLS NOT DISTINCT( |$)') = false AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key_reconciled' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY[]::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY[]::text[])) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_key')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER INDEX "public"."shipment_key_reconciled" RENAME TO "shipment_key";
\endif

-- [6/6] indexes: create index shipment_key on public.shipment concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index shipment_key on public.shipment differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "shipment_key" ON "public"."shipment" USING btree ("carrier", "tracking", "region");
SET statement_timeout = '60s';
