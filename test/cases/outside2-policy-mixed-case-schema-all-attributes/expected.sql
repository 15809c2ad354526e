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

-- [1/3] policies: create policy "Doc No Shared Delete" on "Tenant"."Doc"
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"Tenant"."Doc"') AND p.polname = 'Doc No Shared Delete' AND p.polcmd = 'd' AND p.polpermissive = false AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_doc_editor']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(NOT "Shared")' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE POLICY "Doc No Shared Delete" ON "Tenant"."Doc" AS RESTRICTIVE FOR DELETE TO "reconcile_case_doc_editor" USING ((NOT "Shared"));
\endif

-- [2/3] policies: alter policy "Doc Owner" on "Tenant"."Doc" (roles, using, with check)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"Tenant"."Doc"') AND p.polname = 'Doc Owner' AND p.polcmd = '*' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_doc_editor', 'reconcile_case_doc_viewer']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(("OwnerName" = CURRENT_USER) OR "Shared")' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '("OwnerName" = CURRENT_USER)')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER POLICY "Doc Owner" ON "Tenant"."Doc" TO "reconcile_case_doc_editor", "reconcile_case_doc_viewer" USING ((("OwnerName" = CURRENT_USER) OR "Shared")) WITH CHECK (("OwnerName" = CURRENT_USER));
\endif

-- [3/3] row-security: force row-level security on "Tenant"."Doc"
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"Tenant"."Doc"') AND relforcerowsecurity)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "Tenant"."Doc" FORCE ROW LEVEL SECURITY;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"Tenant"."Doc"') AND p.polname = 'Doc No Shared Delete' AND p.polcmd = 'd' AND p.polpermissive = false AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_doc_editor']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(NOT "Shared")' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"Tenant"."Doc"') AND p.polname = 'Doc Owner' AND p.polcmd = '*' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_doc_editor', 'reconcile_case_doc_viewer']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(("OwnerName" = CURRENT_USER) OR "Shared")' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '("OwnerName" = CURRENT_USER)')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"Tenant"."Doc"') AND relforcerowsecurity)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
