-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  5 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/5] views: drop and create view public.invoice_summary (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end)
-- lock: none
-- HAZARD (replace): view public.invoice_summary is dropped and created again (its columns change, and CREATE OR REPLACE VIEW may only add columns at the end), with what depends on it, created again as declared: view public.big_invoices
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'invoice_summary' AND c.relkind = 'v' AND pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT id,
    customer,
    issued_on,
    ((cents)::numeric / 100.0) AS amount
   FROM public.invoices' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'customer text', 'issued_on date', 'amount numeric']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP VIEW "public"."big_invoices"'; EXECUTE 'DROP VIEW "public"."invoice_summary"'; EXECUTE 'CREATE VIEW "public"."invoice_summary" AS SELECT id,
    customer,
    ((cents)::numeric / 100.0) AS amount
   FROM public.invoices'; EXECUTE 'CREATE VIEW "public"."big_invoices" AS SELECT id,
    customer
   FROM public.invoice_summary
  WHERE (amount > (50)::numeric)'; END $reconcile$;
\endif

-- [2/5] comments: set comment on column public.invoice_summary.amount (again, after the drop and create)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.col_description(pg_catalog.to_regclass('"public"."invoice_summary"'), (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."invoice_summary"') AND attname = 'amount' AND NOT attisdropped))) IS NOT DISTINCT FROM 'cents / 100') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON COLUMN "public"."invoice_summary"."amount" IS 'cents / 100';
\endif

-- [3/5] comments: set comment on view public.invoice_summary (again, after the drop and create)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regclass('"public"."invoice_summary"'), 'pg_class')) IS NOT DISTINCT FROM 'amounts in currency units') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON VIEW "public"."invoice_summary" IS 'amounts in currency units';
\endif

-- [4/5] grants: grant SELECT on table public.big_invoices to reconcile_case_anon (again, after the drop and create)
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."big_invoices"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_anon') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON TABLE "public"."big_invoices" TO "reconcile_case_anon";
\endif

-- [5/5] grants: grant SELECT on table public.invoice_summary to reconcile_case_authenticated (again, after the drop and create)
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."invoice_summary"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON TABLE "public"."invoice_summary" TO "reconcile_case_authenticated";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'invoice_summary' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['id bigint', 'customer text', 'amount numeric']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT id,
    customer,
    ((cents)::numeric / 100.0) AS amount
   FROM public.invoices'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
