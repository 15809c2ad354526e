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

-- [1/3] publications: publish app.customers (id, "Region") in publication shop (live: every row and column)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid WHERE p.pubname = 'shop' AND pr.prrelid = pg_catalog.to_regclass('"app"."customers"') AND (pg_catalog.to_jsonb(pr) ->> 'prqual') IS NULL AND CASE WHEN pr.prattrs IS NOT NULL THEN ARRAY(SELECT quote_ident(a.attname) FROM unnest(pr.prattrs::int2[]) WITH ORDINALITY k(num, i) JOIN pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.num ORDER BY k.i) END = ARRAY['id', '"Region"']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'ALTER PUBLICATION "shop" DROP TABLE "app"."customers"'; EXECUTE 'ALTER PUBLICATION "shop" ADD TABLE "app"."customers" (id, "Region")'; END $reconcile$;
\endif

-- [2/3] publications: add app.orders (id, customer, total, status) WHERE ((status <> 'draft'::text)) in publication shop
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid WHERE p.pubname = 'shop' AND pr.prrelid = pg_catalog.to_regclass('"app"."orders"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER PUBLICATION "shop" ADD TABLE "app"."orders" (id, customer, total, status) WHERE ((status <> 'draft'::text));
\endif

-- [3/3] publications: add tables in schema reporting in publication reports
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication_namespace pn JOIN pg_catalog.pg_publication p ON p.oid = pn.pnpubid WHERE p.pubname = 'reports' AND pn.pnnspid = pg_catalog.to_regnamespace('"reporting"'))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER PUBLICATION "reports" ADD TABLES IN SCHEMA "reporting";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid WHERE p.pubname = 'shop' AND pr.prrelid = pg_catalog.to_regclass('"app"."customers"') AND (pg_catalog.to_jsonb(pr) ->> 'prqual') IS NULL AND CASE WHEN pr.prattrs IS NOT NULL THEN ARRAY(SELECT quote_ident(a.attname) FROM unnest(pr.prattrs::int2[]) WITH ORDINALITY k(num, i) JOIN pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.num ORDER BY k.i) END = ARRAY['id', '"Region"']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid WHERE p.pubname = 'shop' AND pr.prrelid = pg_catalog.to_regclass('"app"."orders"') AND CASE WHEN pr.prqual IS NOT NULL THEN pg_get_expr(pr.prqual, pr.prrelid) END = '(status <> ''draft''::text)' AND CASE WHEN pr.prattrs IS NOT NULL THEN ARRAY(SELECT quote_ident(a.attname) FROM unnest(pr.prattrs::int2[]) WITH ORDINALITY k(num, i) JOIN pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.num ORDER BY k.i) END = ARRAY['id', 'customer', 'total', 'status']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_publication_namespace pn JOIN pg_catalog.pg_publication p ON p.oid = pn.pnpubid WHERE p.pubname = 'reports' AND pn.pnnspid = pg_catalog.to_regnamespace('"reporting"'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;

-- NOTE: publication everything_app is in the live database, not in the model: kept, but it sends the rows of its tables to whoever subscribes (and subscribers may rely on it)
-- NOTE: tables in schema app in publication everything_app is in the live database, not in the model: kept, but the rows of every table in it, present and future, are sent to the publication's subscribers
