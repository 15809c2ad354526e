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

-- [1/5] extensions: create extension pgcrypto
-- lock: none
CREATE EXTENSION IF NOT EXISTS "pgcrypto" SCHEMA "public";

-- [2/5] functions: create function public.check_api_key(text, text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'check_api_key' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text, text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.check_api_key(p_prefix text, p_secret text)
 RETURNS bigint
 LANGUAGE sql
 STABLE
 SET search_path TO ''public''
AS $function$ SELECT user_id FROM api_keys WHERE prefix = p_prefix AND secret_hash = crypt(p_secret, secret_hash) $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION public.check_api_key(p_prefix text, p_secret text)
 RETURNS bigint
 LANGUAGE sql
 STABLE
 SET search_path TO ''public''
AS $function$ SELECT user_id FROM api_keys WHERE prefix = p_prefix AND secret_hash = crypt(p_secret, secret_hash) $function$
'; END $reconcile$;
\endif

-- [3/5] tables: create table public.api_keys
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."api_keys" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "user_id" bigint NOT NULL,
  "prefix" text DEFAULT encode(public.gen_random_bytes(4), 'hex'::text) NOT NULL,
  "secret_hash" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- [4/5] constraints: add foreign key api_keys_user_id_fkey on public.api_keys -> public.users
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."api_keys"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users"') AND c.confdeltype = 'c' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['user_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'api_keys_user_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;
\endif

-- [5/5] indexes: create index api_keys_user_id on public.api_keys
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "api_keys_user_id" ON "public"."api_keys" USING btree ("user_id");

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."api_keys"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = 'check_api_key' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text, text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION public.check_api_key(p_prefix text, p_secret text)
 RETURNS bigint
 LANGUAGE sql
 STABLE
 SET search_path TO ''public''
AS $function$ SELECT user_id FROM api_keys WHERE prefix = p_prefix AND secret_hash = crypt(p_secret, secret_hash) $function$
')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
