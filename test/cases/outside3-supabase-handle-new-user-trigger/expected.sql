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

-- [1/6] functions: create function public.handle_new_user()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'handle_new_user' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.handle_new_user()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''''
AS $function$
BEGIN
  INSERT INTO public.profiles (id, full_name, avatar_url) VALUES (NEW.id, NEW.raw_user_meta_data ->> ''full_name'', NEW.raw_user_meta_data ->> ''avatar_url'');
  RETURN NEW;
END
$function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.handle_new_user()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''''
AS $function$
BEGIN
  INSERT INTO public.profiles (id, full_name, avatar_url) VALUES (NEW.id, NEW.raw_user_meta_data ->> ''full_name'', NEW.raw_user_meta_data ->> ''avatar_url'');
  RETURN NEW;
END
$function$
'; END $reconcile$;
\endif

-- [2/6] constraints: check rows of public.profiles against foreign key profiles_id_fkey
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."profiles"') AND conname = 'profiles_id_fkey' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."profiles" child WHERE ((child."id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "auth"."users" parent WHERE parent."id" = child."id"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key profiles_id_fkey on public.profiles cannot be validated: rows reference missing auth.users rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."profiles" child WHERE ((child."id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "auth"."users" parent WHERE parent."id" = child."id"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/6] constraints: add foreign key profiles_id_fkey on public.profiles -> auth.users (NOT VALID)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."profiles"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"auth"."users"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'profiles_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."profiles" ADD CONSTRAINT "profiles_id_fkey" FOREIGN KEY ("id") REFERENCES "auth"."users" ("id") ON DELETE CASCADE NOT VALID;
\endif

-- [4/6] validate: validate foreign key profiles_id_fkey on public.profiles
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."profiles" VALIDATE CONSTRAINT "profiles_id_fkey";
SET statement_timeout = '60s';

-- [5/6] triggers: create trigger on_auth_user_created on auth.users
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"auth"."users"') AND t.tgname = 'on_auth_user_created' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();
\endif

-- [6/6] grants: revoke EXECUTE on function public.handle_new_user() from PUBLIC
-- lock: none
SELECT (NOT NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"public"."handle_new_user"()'))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) AS needed \gset reconcile_
\if :reconcile_needed
REVOKE EXECUTE ON FUNCTION "public"."handle_new_user"() FROM PUBLIC;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."profiles"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"auth"."users"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'handle_new_user' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.handle_new_user()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''''
AS $function$
BEGIN
  INSERT INTO public.profiles (id, full_name, avatar_url) VALUES (NEW.id, NEW.raw_user_meta_data ->> ''full_name'', NEW.raw_user_meta_data ->> ''avatar_url'');
  RETURN NEW;
END
$function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"auth"."users"') AND t.tgname = 'on_auth_user_created' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode((SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure('"public"."handle_new_user"()'))) e WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
