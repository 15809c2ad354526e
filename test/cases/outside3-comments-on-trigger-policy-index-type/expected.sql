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

-- [1/6] comments: set comment on constraint positive_cents_check on domain billing.positive_cents
-- lock: none
SELECT (NOT (pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_constraint WHERE contypid = pg_catalog.to_regtype('"billing"."positive_cents"') AND conname = 'positive_cents_check'), 'pg_constraint')) IS NOT DISTINCT FROM 'no zero charges') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON CONSTRAINT "positive_cents_check" ON DOMAIN "billing"."positive_cents" IS 'no zero charges';
\endif

-- [2/6] comments: set comment on index billing.charges_owner on billing.charges
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regclass('"billing"."charges_owner"'), 'pg_class')) IS NOT DISTINCT FROM 'per-owner listing') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON INDEX "billing"."charges_owner" IS 'per-owner listing';
\endif

-- [3/6] comments: set comment on policy charges_owner on billing.charges
-- lock: ACCESS SHARE
SELECT (NOT (pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_policy WHERE polrelid = pg_catalog.to_regclass('"billing"."charges"') AND polname = 'charges_owner'), 'pg_policy')) IS NOT DISTINCT FROM 'owners see their own charges') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON POLICY "charges_owner" ON "billing"."charges" IS 'owners see their own charges';
\endif

-- [4/6] comments: set comment on schema billing
-- lock: none
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regnamespace('"billing"'), 'pg_namespace')) IS NOT DISTINCT FROM 'money in, money out') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON SCHEMA "billing" IS 'money in, money out';
\endif

-- [5/6] comments: set comment on trigger charges_noop on billing.charges
-- lock: ACCESS SHARE
SELECT (NOT (pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_trigger WHERE tgrelid = pg_catalog.to_regclass('"billing"."charges"') AND tgname = 'charges_noop'), 'pg_trigger')) IS NOT DISTINCT FROM 'placeholder for auditing') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON TRIGGER "charges_noop" ON "billing"."charges" IS 'placeholder for auditing';
\endif

-- [6/6] comments: set comment on type billing.money_pair
-- lock: none
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regtype('"billing"."money_pair"'), 'pg_type')) IS NOT DISTINCT FROM 'an amount and its currency') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON TYPE "billing"."money_pair" IS 'an amount and its currency';
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT ((pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_constraint WHERE contypid = pg_catalog.to_regtype('"billing"."positive_cents"') AND conname = 'positive_cents_check'), 'pg_constraint')) IS NOT DISTINCT FROM 'no zero charges') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regclass('"billing"."charges_owner"'), 'pg_class')) IS NOT DISTINCT FROM 'per-owner listing') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_policy WHERE polrelid = pg_catalog.to_regclass('"billing"."charges"') AND polname = 'charges_owner'), 'pg_policy')) IS NOT DISTINCT FROM 'owners see their own charges') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regnamespace('"billing"'), 'pg_namespace')) IS NOT DISTINCT FROM 'money in, money out') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_trigger WHERE tgrelid = pg_catalog.to_regclass('"billing"."charges"') AND tgname = 'charges_noop'), 'pg_trigger')) IS NOT DISTINCT FROM 'placeholder for auditing') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regtype('"billing"."money_pair"'), 'pg_type')) IS NOT DISTINCT FROM 'an amount and its currency') THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
