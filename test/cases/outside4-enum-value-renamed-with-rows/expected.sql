-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  1 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/1] types: rename value "working" of enum public.ticket_state to "in_progress" (it stands where the model has "in_progress"; the model lacks "working")
-- lock: none
-- HAZARD (rename): enum public.ticket_state value "working" becomes "in_progress": rows that hold it read "in_progress", and queries, defaults and checks that name "working" must follow
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_enum WHERE enumtypid = pg_catalog.to_regtype('"public"."ticket_state"') AND enumlabel = 'working') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_enum WHERE enumtypid = pg_catalog.to_regtype('"public"."ticket_state"') AND enumlabel = 'in_progress')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TYPE "public"."ticket_state" RENAME VALUE 'working' TO 'in_progress';
\endif
