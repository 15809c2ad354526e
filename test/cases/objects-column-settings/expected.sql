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

-- [1/6] tables: create table public.events
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."events" (
  "id" bigint NOT NULL,
  "kind" text NOT NULL,
  CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- [2/6] fixes: set the storage (EXTERNAL; values written from now on) of column public.documents.body
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'body' AND NOT a.attisdropped AND true) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'body' AND NOT a.attisdropped AND CASE WHEN a.attstorage <> (SELECT t.typstorage FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid) THEN a.attstorage::text END IS NOT DISTINCT FROM 'e')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."documents" ALTER COLUMN "body" SET STORAGE EXTERNAL;
\endif

-- [3/6] fixes: set the statistics target (1000) of column public.documents.tenant_id
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'tenant_id' AND NOT a.attisdropped AND true) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'tenant_id' AND NOT a.attisdropped AND CASE WHEN coalesce(a.attstattarget, -1) <> -1 THEN a.attstattarget::int END IS NOT DISTINCT FROM 1000)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."documents" ALTER COLUMN "tenant_id" SET STATISTICS 1000;
\endif

-- [4/6] fixes: set the storage (MAIN; values written from now on) of column public.documents.thumbnail
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'thumbnail' AND NOT a.attisdropped AND true) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'thumbnail' AND NOT a.attisdropped AND CASE WHEN a.attstorage <> (SELECT t.typstorage FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid) THEN a.attstorage::text END IS NOT DISTINCT FROM 'm')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."documents" ALTER COLUMN "thumbnail" SET STORAGE MAIN;
\endif

-- [5/6] fixes: set the compression (pglz; values written from now on) of column public.documents.thumbnail
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'thumbnail' AND NOT a.attisdropped AND true) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'thumbnail' AND NOT a.attisdropped AND NULLIF(a.attcompression::text, '') IS NOT DISTINCT FROM 'p')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."documents" ALTER COLUMN "thumbnail" SET COMPRESSION pglz;
\endif

-- [6/6] fixes: set the statistics target (500) of column public.events.kind
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."events"') AND a.attname = 'kind' AND NOT a.attisdropped AND true) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."events"') AND a.attname = 'kind' AND NOT a.attisdropped AND CASE WHEN coalesce(a.attstattarget, -1) <> -1 THEN a.attstattarget::int END IS NOT DISTINCT FROM 500)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."events" ALTER COLUMN "kind" SET STATISTICS 500;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."events"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'body' AND NOT a.attisdropped AND CASE WHEN a.attstorage <> (SELECT t.typstorage FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid) THEN a.attstorage::text END IS NOT DISTINCT FROM 'e' AND true)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'tenant_id' AND NOT a.attisdropped AND CASE WHEN coalesce(a.attstattarget, -1) <> -1 THEN a.attstattarget::int END IS NOT DISTINCT FROM 1000 AND true)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."documents"') AND a.attname = 'thumbnail' AND NOT a.attisdropped AND CASE WHEN a.attstorage <> (SELECT t.typstorage FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid) THEN a.attstorage::text END IS NOT DISTINCT FROM 'm' AND NULLIF(a.attcompression::text, '') IS NOT DISTINCT FROM 'p' AND true)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."events"') AND a.attname = 'kind' AND NOT a.attisdropped AND CASE WHEN coalesce(a.attstattarget, -1) <> -1 THEN a.attstattarget::int END IS NOT DISTINCT FROM 500 AND true)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
