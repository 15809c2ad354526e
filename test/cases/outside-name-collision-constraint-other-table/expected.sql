-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  0 (withheld for hazards: 5)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- WITHHELD (rename; allow with --allow-hazards): rename constraint index code_key on public.beta to code_key_old (the declared unique code_key on public.alpha needs its name)
-- ALTER TABLE "public"."beta" RENAME CONSTRAINT "code_key" TO "code_key_old";

-- WITHHELD (rename; allow with --allow-hazards): check public.alpha for duplicates of (code)
-- DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM (SELECT 1 FROM "public"."alpha" WHERE true AND "code" IS NOT NULL GROUP BY "code" HAVING count(*) > 1) AS dup WHERE true; IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'unique code_key on public.alpha cannot be built: duplicate values of (code): ' || n || ' row(s)', HINT = 'find them with SELECT "code", count(*) FROM "public"."alpha" GROUP BY "code" HAVING count(*) > 1'; END IF; END $reconcile$;

-- WITHHELD (rename; allow with --allow-hazards): drop invalid leftover index code_key on public.alpha
-- DROP INDEX CONCURRENTLY IF EXISTS "public"."code_key";

-- WITHHELD (rename; allow with --allow-hazards): create index code_key on public.alpha concurrently
-- CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "code_key" ON "public"."alpha" USING btree ("code");

-- WITHHELD (rename; allow with --allow-hazards): attach index code_key as unique code_key of public.alpha
-- ALTER TABLE "public"."alpha" ADD CONSTRAINT "code_key" UNIQUE USING INDEX "code_key";
