-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  7 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/7] comments: set comment on column crm."Customer"."Full Name"
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.col_description(pg_catalog.to_regclass('"crm"."Customer"'), (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"crm"."Customer"') AND attname = 'Full Name' AND NOT attisdropped))) IS NOT DISTINCT FROM 'as printed on invoices') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON COLUMN "crm"."Customer"."Full Name" IS 'as printed on invoices';
\endif

-- [2/7] comments: set comment on constraint "Customer_email_check" on crm."Customer"
-- lock: ACCESS SHARE
SELECT (NOT (pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"crm"."Customer"') AND conname = 'Customer_email_check'), 'pg_constraint')) IS NOT DISTINCT FROM 'very loose') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON CONSTRAINT "Customer_email_check" ON "crm"."Customer" IS 'very loose';
\endif

-- [3/7] comments: set comment on function crm.customer_total()
-- lock: none
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regprocedure('"crm"."customer_total"()'), 'pg_proc')) IS NOT DISTINCT FROM 'how many customers') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON FUNCTION "crm"."customer_total"() IS 'how many customers';
\endif

-- [4/7] comments: set comment on index crm.customer_email_idx on crm."Customer"
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regclass('"crm"."customer_email_idx"'), 'pg_class')) IS NOT DISTINCT FROM 'lookup by email') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON INDEX "crm"."customer_email_idx" IS 'lookup by email';
\endif

-- [5/7] comments: set comment on schema crm
-- lock: none
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regnamespace('"crm"'), 'pg_namespace')) IS NOT DISTINCT FROM 'customer data') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON SCHEMA "crm" IS 'customer data';
\endif

-- [6/7] comments: replace comment on table crm."Customer"
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regclass('"crm"."Customer"'), 'pg_class')) IS NOT DISTINCT FROM 'one row per customer') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON TABLE "crm"."Customer" IS 'one row per customer';
\endif

-- [7/7] comments: set comment on view crm.customer_names
-- lock: SHARE UPDATE EXCLUSIVE
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regclass('"crm"."customer_names"'), 'pg_class')) IS NOT DISTINCT FROM 'names only') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON VIEW "crm"."customer_names" IS 'names only';
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT ((pg_catalog.col_description(pg_catalog.to_regclass('"crm"."Customer"'), (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"crm"."Customer"') AND attname = 'Full Name' AND NOT attisdropped))) IS NOT DISTINCT FROM 'as printed on invoices') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"crm"."Customer"') AND conname = 'Customer_email_check'), 'pg_constraint')) IS NOT DISTINCT FROM 'very loose') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regprocedure('"crm"."customer_total"()'), 'pg_proc')) IS NOT DISTINCT FROM 'how many customers') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regclass('"crm"."customer_email_idx"'), 'pg_class')) IS NOT DISTINCT FROM 'lookup by email') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regnamespace('"crm"'), 'pg_namespace')) IS NOT DISTINCT FROM 'customer data') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regclass('"crm"."Customer"'), 'pg_class')) IS NOT DISTINCT FROM 'one row per customer') THEN missing := missing + 1; END IF; IF NOT ((pg_catalog.obj_description(pg_catalog.to_regclass('"crm"."customer_names"'), 'pg_class')) IS NOT DISTINCT FROM 'names only') THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
