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

-- [1/6] functions: create function "we\"ird; DROP"."f$n'; --"(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'we"ird; DROP' AND p.proname = 'f$n''; --' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION "we""ird; DROP"."f$n''; --"("a""rg" text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ''x$$y'' || "a""rg" $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION "we""ird; DROP"."f$n''; --"("a""rg" text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ''x$$y'' || "a""rg" $function$
'; END $reconcile$;
\endif

-- [2/6] functions: create function "we\"ird; DROP"."trg\\fn"()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'we"ird; DROP' AND p.proname = E'trg\\fn' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = E'CREATE OR REPLACE FUNCTION "we""ird; DROP"."trg\\fn"()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW."sel""ect" := ''E''''\\''; RETURN NEW; END $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE E'CREATE OR REPLACE FUNCTION "we""ird; DROP"."trg\\fn"()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW."sel""ect" := ''E''''\\''; RETURN NEW; END $function$
'; END $reconcile$;
\endif

-- [3/6] views: create view "we\"ird; DROP"."V'iew"
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'we"ird; DROP' AND c.relname = 'V''iew' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['I d bigint', 'out"put text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT "Tab le"."I d",
    "we""ird; DROP"."f$n''; --"("Tab le"."sel""ect") AS "out""put"
   FROM "we""ird; DROP"."Tab le"'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE VIEW "we""ird; DROP"."V'iew" AS SELECT "Tab le"."I d",
    "we""ird; DROP"."f$n'; --"("Tab le"."sel""ect") AS "out""put"
   FROM "we""ird; DROP"."Tab le";
\endif

-- [4/6] triggers: create trigger "trig \"one\"\ntwo" on "we\"ird; DROP"."Tab le"
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"we""ird; DROP"."Tab le"') AND t.tgname = 'trig "one"
two' AND pg_catalog.pg_get_triggerdef(t.oid) = E'CREATE TRIGGER "trig ""one""
two" BEFORE INSERT ON "we""ird; DROP"."Tab le" FOR EACH ROW EXECUTE FUNCTION "we""ird; DROP"."trg\\fn"()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER "trig ""one""
two" BEFORE INSERT ON "we""ird; DROP"."Tab le" FOR EACH ROW EXECUTE FUNCTION "we""ird; DROP"."trg\fn"();
\endif

-- [5/6] policies: create policy "pol'icy \"x\"" on "we\"ird; DROP"."Tab le"
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"we""ird; DROP"."Tab le"') AND p.polname = 'pol''icy "x"' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['public']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM E'("sel""ect" <> ''it''''s \\ fine''::text)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE POLICY "pol'icy ""x""" ON "we""ird; DROP"."Tab le" AS PERMISSIVE FOR SELECT TO PUBLIC USING (("sel""ect" <> 'it''s \ fine'::text));
\endif

-- [6/6] row-security: enable row-level security on "we\"ird; DROP"."Tab le"
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"we""ird; DROP"."Tab le"') AND relrowsecurity)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "we""ird; DROP"."Tab le" ENABLE ROW LEVEL SECURITY;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'we"ird; DROP' AND p.proname = 'f$n''; --' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION "we""ird; DROP"."f$n''; --"("a""rg" text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ''x$$y'' || "a""rg" $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'we"ird; DROP' AND p.proname = E'trg\\fn' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = E'CREATE OR REPLACE FUNCTION "we""ird; DROP"."trg\\fn"()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW."sel""ect" := ''E''''\\''; RETURN NEW; END $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'we"ird; DROP' AND c.relname = 'V''iew' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['I d bigint', 'out"put text']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT "Tab le"."I d",
    "we""ird; DROP"."f$n''; --"("Tab le"."sel""ect") AS "out""put"
   FROM "we""ird; DROP"."Tab le"'))) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"we""ird; DROP"."Tab le"') AND t.tgname = 'trig "one"
two' AND pg_catalog.pg_get_triggerdef(t.oid) = E'CREATE TRIGGER "trig ""one""
two" BEFORE INSERT ON "we""ird; DROP"."Tab le" FOR EACH ROW EXECUTE FUNCTION "we""ird; DROP"."trg\\fn"()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"we""ird; DROP"."Tab le"') AND p.polname = 'pol''icy "x"' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['public']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM E'("sel""ect" <> ''it''''s \\ fine''::text)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass('"we""ird; DROP"."Tab le"') AND relrowsecurity)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
