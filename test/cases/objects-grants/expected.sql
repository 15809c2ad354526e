-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  14 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/14] grants: grant SELECT on column app.accounts.email to reconcile_case_reader
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT a.attacl FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"app"."accounts"') AND a.attname = 'email' AND NOT a.attisdropped)) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ("email") ON TABLE "app"."accounts" TO "reconcile_case_reader";
\endif

-- [2/14] grants: grant SELECT on column app.accounts.id to reconcile_case_reader
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT a.attacl FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"app"."accounts"') AND a.attname = 'id' AND NOT a.attisdropped)) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ("id") ON TABLE "app"."accounts" TO "reconcile_case_reader";
\endif

-- [3/14] grants: grant SELECT on new tables in schema app to reconcile_case_reader
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'r'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER DEFAULT PRIVILEGES IN SCHEMA "app" GRANT SELECT ON TABLES TO "reconcile_case_reader";
\endif

-- [4/14] grants: revoke EXECUTE on function app.credit(bigint, numeric) from PUBLIC
-- lock: none
SELECT (NOT NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"app"."credit"(bigint, numeric)'))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) AS needed \gset reconcile_
\if :reconcile_needed
REVOKE EXECUTE ON FUNCTION "app"."credit"(bigint, numeric) FROM PUBLIC;
\endif

-- [5/14] grants: grant EXECUTE on function app.credit(bigint, numeric) to reconcile_case_writer
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"app"."credit"(bigint, numeric)'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT EXECUTE ON FUNCTION "app"."credit"(bigint, numeric) TO "reconcile_case_writer";
\endif

-- [6/14] grants: grant USAGE on schema app to reconcile_case_reader
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app')) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT USAGE ON SCHEMA "app" TO "reconcile_case_reader";
\endif

-- [7/14] grants: grant USAGE on schema app to reconcile_case_writer
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app')) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT USAGE ON SCHEMA "app" TO "reconcile_case_writer";
\endif

-- [8/14] grants: grant USAGE on sequence app.accounts_id_seq to reconcile_case_writer
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT USAGE ON SEQUENCE "app"."accounts_id_seq" TO "reconcile_case_writer";
\endif

-- [9/14] grants: grant DELETE on table app.accounts to reconcile_case_writer with grant option (held without it)
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'DELETE' AND e.is_grantable = true)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT DELETE ON TABLE "app"."accounts" TO "reconcile_case_writer" WITH GRANT OPTION;
\endif

-- [10/14] grants: grant INSERT on table app.accounts to reconcile_case_writer
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT INSERT ON TABLE "app"."accounts" TO "reconcile_case_writer";
\endif

-- [11/14] grants: grant SELECT on table app.accounts to reconcile_case_writer
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON TABLE "app"."accounts" TO "reconcile_case_writer";
\endif

-- [12/14] grants: grant UPDATE on table app.accounts to reconcile_case_writer
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'UPDATE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT UPDATE ON TABLE "app"."accounts" TO "reconcile_case_writer";
\endif

-- [13/14] grants: take the grant option of SELECT on table app.balances from reconcile_case_reader
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."balances"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
REVOKE GRANT OPTION FOR SELECT ON TABLE "app"."balances" FROM "reconcile_case_reader";
\endif

-- [14/14] grants: revoke USAGE on type app.mood from PUBLIC
-- lock: none
SELECT (NOT NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner)) FROM pg_catalog.pg_type t WHERE t.oid = pg_catalog.to_regtype('"app"."mood"'))) e WHERE e.grantee = 0 AND e.privilege_type = 'USAGE')) AS needed \gset reconcile_
\if :reconcile_needed
REVOKE USAGE ON TYPE "app"."mood" FROM PUBLIC;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT a.attacl FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"app"."accounts"') AND a.attname = 'email' AND NOT a.attisdropped)) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT a.attacl FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"app"."accounts"') AND a.attname = 'id' AND NOT a.attisdropped)) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode(COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND d.defaclnamespace = (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app') AND d.defaclobjtype = 'r'), NULL::pg_catalog.aclitem[])) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"app"."credit"(bigint, numeric)'))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"app"."credit"(bigint, numeric)'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'EXECUTE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app')) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) FROM pg_catalog.pg_namespace n WHERE n.nspname = 'app')) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'DELETE' AND e.is_grantable = true)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."accounts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_writer') AND e.privilege_type = 'UPDATE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"app"."balances"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_reader') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner)) FROM pg_catalog.pg_type t WHERE t.oid = pg_catalog.to_regtype('"app"."mood"'))) e WHERE e.grantee = 0 AND e.privilege_type = 'USAGE')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;

-- NOTE: grant TRUNCATE on table app.accounts to reconcile_case_writer is in the live database, not in the model: kept, but it changes who may read or write which rows (security-relevant)
