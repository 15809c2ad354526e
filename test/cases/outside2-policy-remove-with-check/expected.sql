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

-- [1/2] policies: drop and create policy note_all on public.note (with check differ)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."note"') AND p.polname = 'note_all' AND p.polcmd = '*' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_writer']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(author = CURRENT_USER)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'DROP POLICY "note_all" ON "public"."note"'; EXECUTE 'CREATE POLICY "note_all" ON "public"."note" AS PERMISSIVE FOR ALL TO "reconcile_case_writer" USING ((author = CURRENT_USER))'; END $reconcile$;
\endif

-- [2/2] policies: alter policy note_update on public.note (with check)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."note"') AND p.polname = 'note_update' AND p.polcmd = 'w' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_writer']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM 'true' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '((NOT locked) AND (body IS NOT NULL))')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER POLICY "note_update" ON "public"."note" WITH CHECK (((NOT locked) AND (body IS NOT NULL)));
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."note"') AND p.polname = 'note_all' AND p.polcmd = '*' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_writer']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(author = CURRENT_USER)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."note"') AND p.polname = 'note_update' AND p.polcmd = 'w' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['reconcile_case_writer']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM 'true' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM '((NOT locked) AND (body IS NOT NULL))')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
