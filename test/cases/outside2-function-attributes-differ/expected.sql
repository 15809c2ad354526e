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

-- [1/3] functions: replace the definition of function public.calculate_total(numeric, numeric)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'calculate_total' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric, numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.calculate_total(amount numeric, tax_rate numeric)
 RETURNS numeric
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$ SELECT amount * (1 + tax_rate) $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.calculate_total(amount numeric, tax_rate numeric)
 RETURNS numeric
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$ SELECT amount * (1 + tax_rate) $function$
'; END $reconcile$;
\endif

-- [2/3] functions: replace the definition of function public.process_data(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'process_data' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.process_data(input text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE STRICT LEAKPROOF
AS $function$
BEGIN
  RETURN upper(input);
END;
$function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.process_data(input text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE STRICT LEAKPROOF
AS $function$
BEGIN
  RETURN upper(input);
END;
$function$
'; END $reconcile$;
\endif

-- [3/3] functions: replace the definition of function public.secure_lookup(integer)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'secure_lookup' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'integer' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.secure_lookup(id integer)
 RETURNS text
 LANGUAGE plpgsql
 SET search_path TO ''pg_catalog''
AS $function$
BEGIN
  RETURN ''result '' || id;
END;
$function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.secure_lookup(id integer)
 RETURNS text
 LANGUAGE plpgsql
 SET search_path TO ''pg_catalog''
AS $function$
BEGIN
  RETURN ''result '' || id;
END;
$function$
'; END $reconcile$;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'calculate_total' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric, numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.calculate_total(amount numeric, tax_rate numeric)
 RETURNS numeric
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$ SELECT amount * (1 + tax_rate) $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'process_data' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.process_data(input text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE STRICT LEAKPROOF
AS $function$
BEGIN
  RETURN upper(input);
END;
$function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'secure_lookup' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'integer' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.secure_lookup(id integer)
 RETURNS text
 LANGUAGE plpgsql
 SET search_path TO ''pg_catalog''
AS $function$
BEGIN
  RETURN ''result '' || id;
END;
$function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
