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

-- [1/3] functions: replace the definition of function priv.secret_count(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'priv' AND p.proname = 'secret_count' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION priv.secret_count(who text)
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''pg_catalog'', ''pg_temp''
AS $function$ SELECT count(*) FROM priv.secret WHERE owner_name = who $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION priv.secret_count(who text)
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''pg_catalog'', ''pg_temp''
AS $function$ SELECT count(*) FROM priv.secret WHERE owner_name = who $function$
'; END $reconcile$;
\endif

-- [2/3] grants: revoke EXECUTE on function priv.secret_count(text) from PUBLIC
-- lock: none
SELECT (NOT NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"priv"."secret_count"(text)'))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) AS needed \gset reconcile_
\if :reconcile_needed
REVOKE EXECUTE ON FUNCTION "priv"."secret_count"(text) FROM PUBLIC;
\endif

-- [3/3] grants: grant EXECUTE on function priv.secret_count(text) to reconcile_case_sd_caller
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"priv"."secret_count"(text)'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_sd_caller') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT EXECUTE ON FUNCTION "priv"."secret_count"(text) TO "reconcile_case_sd_caller";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'priv' AND p.proname = 'secret_count' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION priv.secret_count(who text)
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''pg_catalog'', ''pg_temp''
AS $function$ SELECT count(*) FROM priv.secret WHERE owner_name = who $function$
')) THEN missing := missing + 1; END IF; IF NOT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"priv"."secret_count"(text)'))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"priv"."secret_count"(text)'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_sd_caller') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
