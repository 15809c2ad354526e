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

-- [1/2] indexes: drop index shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd on public.shipment_tracking_event (it differs from the model)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd on public.shipment_tracking_event differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE i.indrelid = pg_catalog.to_regclass('"public"."shipment_tracking_event"') AND c.relname = 'shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd' AND am.amname = 'btree' AND i.indisunique = false AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY[pg_catalog.quote_ident('carrier'), pg_catalog.quote_ident('tracking_no'), pg_catalog.quote_ident('seen_at')]::text[] AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ARRAY['', '', '']::text[] AND i.indoption::text = '0 0 0' AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\) NULLS NOT DISTINCT( |$)') = false AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY[]::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY[]::text[]))) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd";
\endif

-- [2/2] indexes: create index shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd on public.shipment_tracking_event concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd on public.shipment_tracking_event differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd" ON "public"."shipment_tracking_event" USING btree ("carrier", "tracking_no", "seen_at");
SET statement_timeout = '60s';
