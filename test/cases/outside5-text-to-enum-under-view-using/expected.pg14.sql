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

-- [1/2] fixes: check that every value of public.orders.status converts to public.order_status
-- lock: ACCESS SHARE, may take long
-- HAZARD (rewrite): public.orders.status: converted with the --using expression. The table is rewritten under an ACCESS EXCLUSIVE lock
-- HAZARD (replace): view public.paid_orders reads public.orders.status, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."orders"') AND a.attname = 'status' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'text' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
DECLARE reconcile_bad bigint := 0; reconcile_samples text[] := '{}'; reconcile_r record; reconcile_x public.order_status;
BEGIN
  BEGIN
    PERFORM count(CAST((status::public.order_status) AS public.order_status)) FROM "public"."orders";
    RETURN;
  EXCEPTION WHEN others THEN NULL;
  END;
  FOR reconcile_r IN SELECT ctid AS c, 'id=' || "id"::text AS k, CASE WHEN "status" IS NULL THEN 'NULL' ELSE pg_catalog.quote_literal(pg_catalog.left("status"::text, 40)) END AS v FROM "public"."orders" LOOP
    BEGIN
      PERFORM CAST((status::public.order_status) AS public.order_status) FROM "public"."orders" WHERE ctid = reconcile_r.c;
    EXCEPTION WHEN others THEN
      reconcile_bad := reconcile_bad + 1;
      IF reconcile_bad <= 3 THEN reconcile_samples := reconcile_samples || (reconcile_r.k || ': ' || reconcile_r.v || ' (' || SQLERRM || ')'); END IF;
    END;
  END LOOP;
  IF reconcile_bad > 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22P02', MESSAGE = 'public.orders.status cannot change from text to public.order_status: ' || reconcile_bad || ' row(s) do not convert, e.g. ' || pg_catalog.array_to_string(reconcile_samples, '; '), HINT = 'fix those rows or the --using expression for public.orders.status, then run again';
  END IF;
END
$reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/2] fixes: change type of public.orders.status from text to public.order_status, dropping and creating again view public.paid_orders
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): public.orders.status: converted with the --using expression. The table is rewritten under an ACCESS EXCLUSIVE lock
-- HAZARD (replace): view public.paid_orders reads public.orders.status, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."orders"') AND a.attname = 'status' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'text' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP VIEW "public"."paid_orders"'; EXECUTE 'ALTER TABLE "public"."orders" ALTER COLUMN "status" TYPE public.order_status USING CAST((status::public.order_status) AS public.order_status)'; EXECUTE 'CREATE VIEW "public"."paid_orders" AS SELECT orders.id
   FROM public.orders
  WHERE (orders.status = ''paid''::public.order_status)'; END $reconcile$;
\endif
SET statement_timeout = '60s';
