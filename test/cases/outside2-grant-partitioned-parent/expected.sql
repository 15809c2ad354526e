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

-- [1/2] grants: grant INSERT on table public.reading to reconcile_case_loader
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."reading"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_loader') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT INSERT ON TABLE "public"."reading" TO "reconcile_case_loader";
\endif

-- [2/2] grants: grant SELECT on table public.reading to reconcile_case_loader
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."reading"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_loader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON TABLE "public"."reading" TO "reconcile_case_loader";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."reading"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_loader') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."reading"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_loader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;

-- NOTE: grant DELETE on table public.reading_2024 to reconcile_case_loader is in the live database, not in the model: kept, but it changes who may read or write which rows (security-relevant)
