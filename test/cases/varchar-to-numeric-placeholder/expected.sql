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

-- [1/2] fixes: check that every value of public.items.price converts to numeric(10,2)
-- lock: ACCESS SHARE, may take long
-- HAZARD (rewrite): changing public.items.price from character varying(20) to numeric(10,2) rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."items"') AND a.attname = 'price' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(20)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
DECLARE reconcile_bad bigint := 0; reconcile_samples text[] := '{}'; reconcile_r record; reconcile_x numeric(10,2);
BEGIN
  BEGIN
    PERFORM count(CAST("price" AS numeric(10,2))) FROM "public"."items";
    RETURN;
  EXCEPTION WHEN others THEN NULL;
  END;
  IF pg_catalog.current_setting('server_version_num')::int >= 160000 THEN
    SELECT count(*) INTO reconcile_bad FROM "public"."items" WHERE "price" IS NOT NULL AND NOT pg_catalog.pg_input_is_valid("price"::text, 'numeric(10,2)');
    FOR reconcile_r IN SELECT 'id=' || "id"::text AS k, CASE WHEN "price" IS NULL THEN 'NULL' ELSE pg_catalog.quote_literal(pg_catalog.left("price"::text, 40)) END AS v, (pg_catalog.pg_input_error_info("price"::text, 'numeric(10,2)')).message AS e FROM "public"."items" WHERE "price" IS NOT NULL AND NOT pg_catalog.pg_input_is_valid("price"::text, 'numeric(10,2)') LIMIT 3 LOOP
      reconcile_samples := reconcile_samples || (reconcile_r.k || ': ' || reconcile_r.v || ' (' || reconcile_r.e || ')');
    END LOOP;
  ELSE
    FOR reconcile_r IN SELECT ctid AS c, 'id=' || "id"::text AS k, CASE WHEN "price" IS NULL THEN 'NULL' ELSE pg_catalog.quote_literal(pg_catalog.left("price"::text, 40)) END AS v FROM "public"."items" LOOP
      BEGIN
        PERFORM CAST("price" AS numeric(10,2)) FROM "public"."items" WHERE ctid = reconcile_r.c;
      EXCEPTION WHEN others THEN
        reconcile_bad := reconcile_bad + 1;
        IF reconcile_bad <= 3 THEN reconcile_samples := reconcile_samples || (reconcile_r.k || ': ' || reconcile_r.v || ' (' || SQLERRM || ')'); END IF;
      END;
    END LOOP;
  END IF;
  IF reconcile_bad > 0 THEN
    RAISE EXCEPTION USING ERRCODE = '22P02', MESSAGE = 'public.items.price cannot change from character varying(20) to numeric(10,2): ' || reconcile_bad || ' row(s) do not convert, e.g. ' || pg_catalog.array_to_string(reconcile_samples, '; '), HINT = 'fix those rows, or give the conversion: --using ''public.items.price=EXPR'' (e.g. NULLIF(...) for placeholders), then run again';
  END IF;
END
$reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/2] fixes: change type of public.items.price from character varying(20) to numeric(10,2)
-- lock: ACCESS EXCLUSIVE, may take long
-- HAZARD (rewrite): changing public.items.price from character varying(20) to numeric(10,2) rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."items"') AND a.attname = 'price' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'character varying(20)' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."items" ALTER COLUMN "price" TYPE numeric(10,2) USING CAST("price" AS numeric(10,2));
\endif
SET statement_timeout = '60s';
