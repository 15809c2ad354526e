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

-- [1/2] policies: alter policy "Users update their own files" on storage.objects (using)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"storage"."objects"') AND p.polname = 'Users update their own files' AND p.polcmd = 'w' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '((bucket_id = ''avatars''::text) AND ((storage.foldername(name))[1] = (( SELECT auth.uid() AS uid))::text))' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER POLICY "Users update their own files" ON "storage"."objects" USING (((bucket_id = 'avatars'::text) AND ((storage.foldername(name))[1] = (( SELECT auth.uid() AS uid))::text)));
\endif

-- [2/2] policies: create policy "Users upload into their own folder" on storage.objects
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"storage"."objects"') AND p.polname = 'Users upload into their own folder' AND p.polcmd = 'a' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM NULL AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '((bucket_id = ''avatars''::text) AND ((storage.foldername(name))[1] = (( SELECT auth.uid() AS uid))::text))')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE POLICY "Users upload into their own folder" ON "storage"."objects" AS PERMISSIVE FOR INSERT TO "reconcile_case_authenticated" WITH CHECK (((bucket_id = 'avatars'::text) AND ((storage.foldername(name))[1] = (( SELECT auth.uid() AS uid))::text)));
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"storage"."objects"') AND p.polname = 'Users update their own files' AND p.polcmd = 'w' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '((bucket_id = ''avatars''::text) AND ((storage.foldername(name))[1] = (( SELECT auth.uid() AS uid))::text))' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"storage"."objects"') AND p.polname = 'Users upload into their own folder' AND p.polcmd = 'a' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_authenticated']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM NULL AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '((bucket_id = ''avatars''::text) AND ((storage.foldername(name))[1] = (( SELECT auth.uid() AS uid))::text))')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
