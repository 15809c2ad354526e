-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  11 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/11] grants: grant USAGE on schema public to reconcile_case_anon
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) FROM pg_catalog.pg_namespace n WHERE n.nspname = 'public')) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_anon') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT USAGE ON SCHEMA "public" TO "reconcile_case_anon";
\endif

-- [2/11] grants: grant USAGE on schema public to reconcile_case_authenticated
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) FROM pg_catalog.pg_namespace n WHERE n.nspname = 'public')) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT USAGE ON SCHEMA "public" TO "reconcile_case_authenticated";
\endif

-- [3/11] grants: grant SELECT on sequence public.posts_id_seq to reconcile_case_authenticated
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON SEQUENCE "public"."posts_id_seq" TO "reconcile_case_authenticated";
\endif

-- [4/11] grants: grant USAGE on sequence public.posts_id_seq to reconcile_case_authenticated
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT USAGE ON SEQUENCE "public"."posts_id_seq" TO "reconcile_case_authenticated";
\endif

-- [5/11] grants: grant SELECT on table public.post_likes to reconcile_case_anon
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."post_likes"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_anon') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON TABLE "public"."post_likes" TO "reconcile_case_anon";
\endif

-- [6/11] grants: grant DELETE on table public.post_likes to reconcile_case_authenticated
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."post_likes"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'DELETE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT DELETE ON TABLE "public"."post_likes" TO "reconcile_case_authenticated";
\endif

-- [7/11] grants: grant INSERT on table public.post_likes to reconcile_case_authenticated
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."post_likes"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT INSERT ON TABLE "public"."post_likes" TO "reconcile_case_authenticated";
\endif

-- [8/11] grants: grant SELECT on table public.post_likes to reconcile_case_authenticated
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."post_likes"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT SELECT ON TABLE "public"."post_likes" TO "reconcile_case_authenticated";
\endif

-- [9/11] grants: grant DELETE on table public.posts to reconcile_case_authenticated
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'DELETE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT DELETE ON TABLE "public"."posts" TO "reconcile_case_authenticated";
\endif

-- [10/11] grants: grant INSERT on table public.posts to reconcile_case_authenticated
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT INSERT ON TABLE "public"."posts" TO "reconcile_case_authenticated";
\endif

-- [11/11] grants: grant UPDATE on table public.posts to reconcile_case_authenticated
-- lock: ACCESS SHARE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'UPDATE' AND e.is_grantable = false)) AS needed \gset reconcile_
\if :reconcile_needed
GRANT UPDATE ON TABLE "public"."posts" TO "reconcile_case_authenticated";
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) FROM pg_catalog.pg_namespace n WHERE n.nspname = 'public')) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_anon') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) FROM pg_catalog.pg_namespace n WHERE n.nspname = 'public')) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts_id_seq"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'USAGE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."post_likes"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_anon') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."post_likes"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'DELETE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."post_likes"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."post_likes"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'SELECT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'DELETE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'INSERT' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."posts"'))) e WHERE e.grantee = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = 'reconcile_case_authenticated') AND e.privilege_type = 'UPDATE' AND e.is_grantable = false)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
