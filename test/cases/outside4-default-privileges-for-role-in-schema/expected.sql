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

-- [1/3] grants: grant USAGE on new sequences in schema app, for objects reconcile_case_migrator creates to reconcile_case_app with grant option
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_migrator') AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'S'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_app') AND e.privilege_type = 'USAGE' AND e.is_grantable = true)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES FOR ROLE "reconcile_case_migrator" IN SCHEMA "app" GRANT USAGE ON SEQUENCES TO "reconcile_case_app" WITH GRANT OPTION;
\endif

-- [2/3] grants: grant INSERT on new tables in schema app, for objects reconcile_case_migrator creates to reconcile_case_app
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_migrator') AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'r'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_app') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES FOR ROLE "reconcile_case_migrator" IN SCHEMA "app" GRANT INSERT ON TABLES TO "reconcile_case_app";
\endif

-- [3/3] grants: grant UPDATE on new tables in schema app, for objects reconcile_case_migrator creates to reconcile_case_app
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_migrator') AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'r'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_app') AND e.privilege_type = 'UPDATE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES FOR ROLE "reconcile_case_migrator" IN SCHEMA "app" GRANT UPDATE ON TABLES TO "reconcile_case_app";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_migrator') AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'S'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_app') AND e.privilege_type = 'USAGE' AND e.is_grantable = true)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_migrator') AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'r'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_app') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_migrator') AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'r'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_app') AND e.privilege_type = 'UPDATE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
