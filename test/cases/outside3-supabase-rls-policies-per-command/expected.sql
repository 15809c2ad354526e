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

-- [1/5] policies: create policy "Users delete own notes" on public.notes
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."notes"') AND p.polname = 'Users delete own notes' AND p.polcmd = 'd' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE POLICY "Users delete own notes" ON "public"."notes" AS PERMISSIVE FOR DELETE TO "reconcile_case_authenticated" USING ((( SELECT auth.uid() AS uid) = user_id));
\endif

-- [2/5] policies: create policy "Users insert own notes" on public.notes
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."notes"') AND p.polname = 'Users insert own notes' AND p.polcmd = 'a' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM NULL AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE POLICY "Users insert own notes" ON "public"."notes" AS PERMISSIVE FOR INSERT TO "reconcile_case_authenticated" WITH CHECK ((( SELECT auth.uid() AS uid) = user_id));
\endif

-- [3/5] policies: alter policy "Users read own notes" on public.notes (using)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."notes"') AND p.polname = 'Users read own notes' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER POLICY "Users read own notes" ON "public"."notes" USING ((( SELECT auth.uid() AS uid) = user_id));
\endif

-- [4/5] policies: create policy "Users update own notes" on public.notes
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."notes"') AND p.polname = 'Users update own notes' AND p.polcmd = 'w' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE POLICY "Users update own notes" ON "public"."notes" AS PERMISSIVE FOR UPDATE TO "reconcile_case_authenticated" USING ((( SELECT auth.uid() AS uid) = user_id)) WITH CHECK ((( SELECT auth.uid() AS uid) = user_id));
\endif

-- [5/5] row-security: force row-level security on public.notes
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."notes"') AND relforcerowsecurity)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."notes" FORCE ROW LEVEL SECURITY;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."notes"') AND p.polname = 'Users delete own notes' AND p.polcmd = 'd' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."notes"') AND p.polname = 'Users insert own notes' AND p.polcmd = 'a' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM NULL AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."notes"') AND p.polname = 'Users read own notes' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."notes"') AND p.polname = 'Users update own notes' AND p.polcmd = 'w' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '(( SELECT auth.uid() AS uid) = user_id)')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."notes"') AND relforcerowsecurity)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
