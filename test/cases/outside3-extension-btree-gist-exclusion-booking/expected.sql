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

-- [1/2] extensions: create extension btree_gist
-- lock: none
CREATE EXTENSION IF NOT EXISTS "btree_gist" SCHEMA "public";

-- [2/2] constraints: add exclusion constraint bookings_no_overlap on public.bookings (builds its index under ACCESS EXCLUSIVE: reads and writes wait until it ends)
-- lock: ACCESS EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."bookings"') AND c.contype = 'x' AND c.conname = 'bookings_no_overlap' AND pg_catalog.pg_get_constraintdef(c.oid) = 'EXCLUDE USING gist (room_id WITH =, during WITH &&)')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (room_id WITH =, during WITH &&);
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."bookings"') AND c.contype = 'x' AND c.conname = 'bookings_no_overlap' AND pg_catalog.pg_get_constraintdef(c.oid) = 'EXCLUDE USING gist (room_id WITH =, during WITH &&)')) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;

-- NOTE: exclusion constraint bookings_no_overlap on public.bookings is added under an ACCESS EXCLUSIVE lock held while its index builds over the existing rows (PostgreSQL cannot add an exclusion constraint NOT VALID or concurrently); run it in a quiet window
