-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  9 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/9] functions: drop and create function public.double_it(integer) (its arguments or result change)
-- lock: none
-- HAZARD (replace): function public.double_it(integer) changes its arguments, result or kind, which CREATE OR REPLACE cannot do: it is dropped and created again (without CASCADE: the drop fails if anything else depends on it)
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'double_it' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'integer' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.double_it(amount integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT amount * 2 $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP FUNCTION "public"."double_it"(n integer)'; EXECUTE 'CREATE OR REPLACE FUNCTION public.double_it(amount integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT amount * 2 $function$
'; END $reconcile$;
\endif

-- [2/9] functions: create function public.label(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'label' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.label(t text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ''t'' || t $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.label(t text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ''t'' || t $function$
'; END $reconcile$;
\endif

-- [3/9] functions: create function public.next_code()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'next_code' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.next_code()
 RETURNS text
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN ''c'' || floor(random() * 1000)::int; END $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.next_code()
 RETURNS text
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN ''c'' || floor(random() * 1000)::int; END $function$
'; END $reconcile$;
\endif

-- [4/9] functions: replace the definition of function public.normalize_email(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'normalize_email' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.normalize_email(e text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(btrim(e)) $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.normalize_email(e text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(btrim(e)) $function$
'; END $reconcile$;
\endif

-- [5/9] functions: drop and create function public.score(integer) (its arguments or result change)
-- lock: none
-- HAZARD (replace): function public.score(integer) changes its arguments, result or kind, which CREATE OR REPLACE cannot do: it is dropped and created again (without CASCADE: the drop fails if anything else depends on it)
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'score' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'integer' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.score(n integer)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT n * 1.5 $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP FUNCTION "public"."score"(n integer)'; EXECUTE 'CREATE OR REPLACE FUNCTION public.score(n integer)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT n * 1.5 $function$
'; END $reconcile$;
\endif

-- [6/9] functions: create procedure public.touch(bigint)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'touch' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'bigint' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE PROCEDURE public.touch(IN p_id bigint)
 LANGUAGE plpgsql
AS $procedure$ BEGIN UPDATE users SET email = email WHERE id = p_id; END $procedure$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE PROCEDURE public.touch(IN p_id bigint)
 LANGUAGE plpgsql
AS $procedure$ BEGIN UPDATE users SET email = email WHERE id = p_id; END $procedure$
'; END $reconcile$;
\endif

-- [7/9] functions: replace the definition of function public.user_count()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'user_count' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.user_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''pg_catalog'', ''public''
AS $function$ SELECT count(*) FROM public.users $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.user_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''pg_catalog'', ''public''
AS $function$ SELECT count(*) FROM public.users $function$
'; END $reconcile$;
\endif

-- [8/9] tables: create table public.codes
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."codes" (
  "code" text DEFAULT public.next_code() NOT NULL,
  CONSTRAINT "codes_pkey" PRIMARY KEY ("code")
);

-- [9/9] late-functions: create function public.active_users(bigint)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'active_users' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'bigint' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.active_users(min_id bigint DEFAULT 0)
 RETURNS SETOF public.users
 LANGUAGE sql
 STABLE
AS $function$ SELECT * FROM users WHERE id >= min_id $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.active_users(min_id bigint DEFAULT 0)
 RETURNS SETOF public.users
 LANGUAGE sql
 STABLE
AS $function$ SELECT * FROM users WHERE id >= min_id $function$
'; END $reconcile$;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."codes"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'active_users' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'bigint' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.active_users(min_id bigint DEFAULT 0)
 RETURNS SETOF public.users
 LANGUAGE sql
 STABLE
AS $function$ SELECT * FROM users WHERE id >= min_id $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'double_it' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'integer' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.double_it(amount integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT amount * 2 $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'label' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.label(t text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT ''t'' || t $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'next_code' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.next_code()
 RETURNS text
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN ''c'' || floor(random() * 1000)::int; END $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'normalize_email' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.normalize_email(e text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(btrim(e)) $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'score' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'integer' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.score(n integer)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT n * 1.5 $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'touch' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'bigint' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE PROCEDURE public.touch(IN p_id bigint)
 LANGUAGE plpgsql
AS $procedure$ BEGIN UPDATE users SET email = email WHERE id = p_id; END $procedure$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'user_count' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.user_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''pg_catalog'', ''public''
AS $function$ SELECT count(*) FROM public.users $function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
