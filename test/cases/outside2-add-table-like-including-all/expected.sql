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

-- [1/3] tables: create table public.audit_login
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."audit_login" (
  "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "actor" text NOT NULL,
  "ip" inet,
  CONSTRAINT "audit_login_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "audit_base_actor_check" CHECK ((actor <> ''::text))
);

-- [2/3] indexes: create index audit_login_created_at_idx on public.audit_login
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "audit_login_created_at_idx" ON "public"."audit_login" USING btree ("created_at");

-- [3/3] comments: set comment on column public.audit_login.actor
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.col_description(pg_catalog.to_regclass('"public"."audit_login"'), (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."audit_login"') AND attname = 'actor' AND NOT attisdropped))) IS NOT DISTINCT FROM 'who did it') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON COLUMN "public"."audit_login"."actor" IS 'who did it';
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."audit_login"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.col_description(pg_catalog.to_regclass('"public"."audit_login"'), (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."audit_login"') AND attname = 'actor' AND NOT attisdropped))) IS NOT DISTINCT FROM 'who did it') THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
