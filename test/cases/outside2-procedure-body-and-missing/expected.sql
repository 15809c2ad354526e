-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  4 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/4] functions: create procedure public.archive_done()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'archive_done' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE PROCEDURE public.archive_done()
 LANGUAGE sql
AS $procedure$ INSERT INTO public.job_archive (id) SELECT * FROM public.done_ids() ON CONFLICT DO NOTHING $procedure$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE PROCEDURE public.archive_done()
 LANGUAGE sql
AS $procedure$ INSERT INTO public.job_archive (id) SELECT * FROM public.done_ids() ON CONFLICT DO NOTHING $procedure$
'; END $reconcile$;
\endif

-- [2/4] functions: create function public.done_ids()
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'done_ids' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.done_ids()
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT id FROM public.job WHERE state = ''done'' $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.done_ids()
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT id FROM public.job WHERE state = ''done'' $function$
'; END $reconcile$;
\endif

-- [3/4] functions: replace the definition of procedure public.reset_jobs(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'reset_jobs' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE PROCEDURE public.reset_jobs(IN target text)
 LANGUAGE plpgsql
AS $procedure$
BEGIN
  UPDATE public.job SET state = target WHERE state <> ''done'';
END
$procedure$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE PROCEDURE public.reset_jobs(IN target text)
 LANGUAGE plpgsql
AS $procedure$
BEGIN
  UPDATE public.job SET state = target WHERE state <> ''done'';
END
$procedure$
'; END $reconcile$;
\endif

-- [4/4] tables: create table public.job_archive
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."job_archive" (
  "id" integer NOT NULL,
  "archived_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "job_archive_pkey" PRIMARY KEY ("id")
);

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."job_archive"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'archive_done' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE PROCEDURE public.archive_done()
 LANGUAGE sql
AS $procedure$ INSERT INTO public.job_archive (id) SELECT * FROM public.done_ids() ON CONFLICT DO NOTHING $procedure$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'done_ids' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.done_ids()
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT id FROM public.job WHERE state = ''done'' $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'reset_jobs' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE PROCEDURE public.reset_jobs(IN target text)
 LANGUAGE plpgsql
AS $procedure$
BEGIN
  UPDATE public.job SET state = target WHERE state <> ''done'';
END
$procedure$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
