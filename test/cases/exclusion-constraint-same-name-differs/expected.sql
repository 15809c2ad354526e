-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  0 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- NOTE: exclusion constraint room_hold_no_overlap on public.room_hold differs from the live one of that name (live: EXCLUDE USING gist (during WITH &&); declared: EXCLUDE USING gist (during WITH &&) WHERE ((room > 0))): replace it by hand
