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

-- [1/4] tables: create table public.hot_counters
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."hot_counters" (
  "name" text NOT NULL,
  "n" bigint DEFAULT 0 NOT NULL,
  CONSTRAINT "hot_counters_pkey" PRIMARY KEY ("name")
);

-- [2/4] fixes: set storage parameters of public.events (autovacuum_vacuum_scale_factor = 0.01, fillfactor = 70) (pages written from now on; no rewrite)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."events"') AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[]) || ARRAY(SELECT 'toast.' || t FROM pg_catalog.pg_class tc, unnest(tc.reloptions) t WHERE tc.oid = c.reltoastrelid)) o ORDER BY o COLLATE "C") = ARRAY['autovacuum_vacuum_scale_factor=0.01', 'fillfactor=70']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."events" SET (autovacuum_vacuum_scale_factor = 0.01, fillfactor = 70);
\endif

-- [3/4] fixes: set storage parameters of public.hot_counters (fillfactor = 50) (pages written from now on; no rewrite)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."hot_counters"') AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[]) || ARRAY(SELECT 'toast.' || t FROM pg_catalog.pg_class tc, unnest(tc.reloptions) t WHERE tc.oid = c.reltoastrelid)) o ORDER BY o COLLATE "C") = ARRAY['fillfactor=50']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."hot_counters" SET (fillfactor = 50);
\endif

-- [4/4] fixes: set storage parameters of public.sessions (autovacuum_enabled = 'false', toast.autovacuum_enabled = 'false') (live: autovacuum_enabled = 'true', fillfactor = 90; pages written from now on; no rewrite)
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."sessions"') AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[]) || ARRAY(SELECT 'toast.' || t FROM pg_catalog.pg_class tc, unnest(tc.reloptions) t WHERE tc.oid = c.reltoastrelid)) o ORDER BY o COLLATE "C") = ARRAY['autovacuum_enabled=false', 'toast.autovacuum_enabled=false']::text[])) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."sessions" SET (autovacuum_enabled = 'false', toast.autovacuum_enabled = 'false'), RESET (fillfactor);
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."hot_counters"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."events"') AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[]) || ARRAY(SELECT 'toast.' || t FROM pg_catalog.pg_class tc, unnest(tc.reloptions) t WHERE tc.oid = c.reltoastrelid)) o ORDER BY o COLLATE "C") = ARRAY['autovacuum_vacuum_scale_factor=0.01', 'fillfactor=70']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."hot_counters"') AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[]) || ARRAY(SELECT 'toast.' || t FROM pg_catalog.pg_class tc, unnest(tc.reloptions) t WHERE tc.oid = c.reltoastrelid)) o ORDER BY o COLLATE "C") = ARRAY['fillfactor=50']::text[])) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('"public"."sessions"') AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[]) || ARRAY(SELECT 'toast.' || t FROM pg_catalog.pg_class tc, unnest(tc.reloptions) t WHERE tc.oid = c.reltoastrelid)) o ORDER BY o COLLATE "C") = ARRAY['autovacuum_enabled=false', 'toast.autovacuum_enabled=false']::text[])) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
