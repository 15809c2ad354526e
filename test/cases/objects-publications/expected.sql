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

-- [1/4] publications: create publication app_audit
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication p WHERE p.pubname = 'app_audit' AND true)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE PUBLICATION "app_audit" WITH (publish = 'insert', publish_via_partition_root = false);
\endif

-- [2/4] publications: set the options of publication app_realtime (publish = 'insert, update, delete', publish_via_partition_root = false)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication p WHERE p.pubname = 'app_realtime' AND p.puballtables = false AND ('publish = ' || quote_literal(concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END, CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END)) || ', publish_via_partition_root = ' || p.pubviaroot::text) = 'publish = ''insert, update, delete'', publish_via_partition_root = false')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER PUBLICATION "app_realtime" SET (publish = 'insert, update, delete', publish_via_partition_root = false);
\endif

-- [3/4] publications: add app.audit in publication app_audit
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid WHERE p.pubname = 'app_audit' AND pr.prrelid = pg_catalog.to_regclass('"app"."audit"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER PUBLICATION "app_audit" ADD TABLE "app"."audit";
\endif

-- [4/4] publications: add app.rooms in publication app_realtime
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid WHERE p.pubname = 'app_realtime' AND pr.prrelid = pg_catalog.to_regclass('"app"."rooms"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER PUBLICATION "app_realtime" ADD TABLE "app"."rooms";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_publication p WHERE p.pubname = 'app_audit' AND p.puballtables = false AND ('publish = ' || quote_literal(concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END, CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END)) || ', publish_via_partition_root = ' || p.pubviaroot::text) = 'publish = ''insert'', publish_via_partition_root = false')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_publication p WHERE p.pubname = 'app_realtime' AND p.puballtables = false AND ('publish = ' || quote_literal(concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END, CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END)) || ', publish_via_partition_root = ' || p.pubviaroot::text) = 'publish = ''insert, update, delete'', publish_via_partition_root = false')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid WHERE p.pubname = 'app_audit' AND pr.prrelid = pg_catalog.to_regclass('"app"."audit"') AND (pg_catalog.to_jsonb(pr) ->> 'prqual') IS NULL AND (pg_catalog.to_jsonb(pr) ->> 'prattrs') IS NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid WHERE p.pubname = 'app_realtime' AND pr.prrelid = pg_catalog.to_regclass('"app"."rooms"') AND (pg_catalog.to_jsonb(pr) ->> 'prqual') IS NULL AND (pg_catalog.to_jsonb(pr) ->> 'prattrs') IS NULL)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;

-- NOTE: app.audit in publication app_realtime is in the live database, not in the model: kept, but its rows are sent to the publication's subscribers
