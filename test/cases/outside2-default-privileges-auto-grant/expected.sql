-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  8 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/8] grants: grant EXECUTE on new functions in schema app to reconcile_case_api
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'f'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES IN SCHEMA "app" GRANT EXECUTE ON FUNCTIONS TO "reconcile_case_api";
\endif

-- [2/8] grants: grant SELECT on new sequences in schema app to reconcile_case_api
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'S'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES IN SCHEMA "app" GRANT SELECT ON SEQUENCES TO "reconcile_case_api";
\endif

-- [3/8] grants: grant USAGE on new sequences in schema app to reconcile_case_api
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'S'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES IN SCHEMA "app" GRANT USAGE ON SEQUENCES TO "reconcile_case_api";
\endif

-- [4/8] grants: grant SELECT on new tables in schema app to reconcile_case_api
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'r'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES IN SCHEMA "app" GRANT SELECT ON TABLES TO "reconcile_case_api";
\endif

-- [5/8] grants: grant EXECUTE on function app.widget_count() to reconcile_case_api
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"app"."widget_count"()'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT EXECUTE ON FUNCTION "app"."widget_count"() TO "reconcile_case_api";
\endif

-- [6/8] grants: grant SELECT on sequence app.widget_id_seq to reconcile_case_api
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."widget_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON SEQUENCE "app"."widget_id_seq" TO "reconcile_case_api";
\endif

-- [7/8] grants: grant USAGE on sequence app.widget_id_seq to reconcile_case_api
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."widget_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT USAGE ON SEQUENCE "app"."widget_id_seq" TO "reconcile_case_api";
\endif

-- [8/8] grants: grant SELECT on table app.widget to reconcile_case_api
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."widget"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON TABLE "app"."widget" TO "reconcile_case_api";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'f'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'S'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'S'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'r'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"app"."widget_count"()'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."widget_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."widget_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."widget"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_api') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
