-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  6 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/6] tables: create table public.org_members
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."org_members" (
  "org_id" bigint NOT NULL,
  "user_id" uuid NOT NULL,
  "role" text DEFAULT 'member'::text NOT NULL,
  CONSTRAINT "org_members_pkey" PRIMARY KEY ("org_id", "user_id"),
  CONSTRAINT "org_members_role_check" CHECK ((role = ANY (ARRAY['member'::text, 'admin'::text])))
);

-- [2/6] constraints: add foreign key org_members_org_id_fkey on public.org_members -> public.orgs
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."org_members"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."orgs"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['org_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'org_members_org_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."org_members" ADD CONSTRAINT "org_members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs" ("id") ON DELETE CASCADE;
\endif

-- [3/6] policies: create policy admins_edit_org_documents on public.documents
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."documents"') AND p.polname = 'admins_edit_org_documents' AND p.polcmd = 'w' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(org_id IN ( SELECT m.org_id
   FROM public.org_members m
  WHERE ((m.user_id = ( SELECT auth.uid() AS uid)) AND (m.role = ''admin''::text))))' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE POLICY "admins_edit_org_documents" ON "public"."documents" AS PERMISSIVE FOR UPDATE TO "reconcile_case_authenticated" USING ((org_id IN ( SELECT m.org_id
   FROM public.org_members m
  WHERE ((m.user_id = ( SELECT auth.uid() AS uid)) AND (m.role = 'admin'::text)))));
\endif

-- [4/6] policies: create policy members_see_org_documents on public.documents
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."documents"') AND p.polname = 'members_see_org_documents' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(EXISTS ( SELECT 1
   FROM public.org_members m
  WHERE ((m.org_id = documents.org_id) AND (m.user_id = ( SELECT auth.uid() AS uid)))))' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE POLICY "members_see_org_documents" ON "public"."documents" AS PERMISSIVE FOR SELECT TO "reconcile_case_authenticated" USING ((EXISTS ( SELECT 1
   FROM public.org_members m
  WHERE ((m.org_id = documents.org_id) AND (m.user_id = ( SELECT auth.uid() AS uid))))));
\endif

-- [5/6] policies: create policy members_see_themselves on public.org_members
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."org_members"') AND p.polname = 'members_see_themselves' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(user_id = ( SELECT auth.uid() AS uid))' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE POLICY "members_see_themselves" ON "public"."org_members" AS PERMISSIVE FOR SELECT TO "reconcile_case_authenticated" USING ((user_id = ( SELECT auth.uid() AS uid)));
\endif

-- [6/6] row-security: enable row-level security on public.org_members
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."org_members"') AND relrowsecurity)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."org_members" ENABLE ROW LEVEL SECURITY;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."org_members"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."documents"') AND p.polname = 'admins_edit_org_documents' AND p.polcmd = 'w' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(org_id IN ( SELECT m.org_id
   FROM public.org_members m
  WHERE ((m.user_id = ( SELECT auth.uid() AS uid)) AND (m.role = ''admin''::text))))' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."documents"') AND p.polname = 'members_see_org_documents' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(EXISTS ( SELECT 1
   FROM public.org_members m
  WHERE ((m.org_id = documents.org_id) AND (m.user_id = ( SELECT auth.uid() AS uid)))))' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."org_members"') AND p.polname = 'members_see_themselves' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(user_id = ( SELECT auth.uid() AS uid))' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"public"."org_members"') AND relrowsecurity)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
