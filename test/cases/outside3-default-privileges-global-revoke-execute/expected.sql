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

-- [1/4] grants: revoke EXECUTE on new functions from PUBLIC
-- lock: none
SELECT (NOT NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = 0 AND d.defaclobjtype = 'f'), pg_catalog.acldefault('f', (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
\endif

-- [2/4] grants: grant EXECUTE on new functions in schema api to reconcile_case_authenticated
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'api') AND d.defaclobjtype = 'f'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES IN SCHEMA "api" GRANT EXECUTE ON FUNCTIONS TO "reconcile_case_authenticated";
\endif

-- [3/4] grants: revoke EXECUTE on function api.whoami() from PUBLIC
-- lock: none
SELECT (NOT NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"api"."whoami"()'))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) AS needed \gset reconcile_
\if :reconcile_needed
REVOKE EXECUTE ON FUNCTION "api"."whoami"() FROM PUBLIC;
\endif

-- [4/4] grants: grant EXECUTE on function api.whoami() to reconcile_case_authenticated
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"api"."whoami"()'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT EXECUTE ON FUNCTION "api"."whoami"() TO "reconcile_case_authenticated";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = 0 AND d.defaclobjtype = 'f'), pg_catalog.acldefault('f', (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'api') AND d.defaclobjtype = 'f'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"api"."whoami"()'))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"api"."whoami"()'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
