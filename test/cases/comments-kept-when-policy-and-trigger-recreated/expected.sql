-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  14 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/14] constraints: check rows of public.invoice against invoice_total_positive_reconcile_new
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."invoice" WHERE NOT (((total >= (0)::numeric))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check invoice_total_positive_reconcile_new on public.invoice cannot be validated: rows violate ((total >= (0)::numeric)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."invoice" WHERE NOT (((total >= (0)::numeric))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/14] constraints: add check invoice_total_positive_reconcile_new on public.invoice with the declared expression of invoice_total_positive (NOT VALID)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."invoice" ADD CONSTRAINT "invoice_total_positive_reconcile_new" CHECK ((total >= (0)::numeric)) NOT VALID;
\endif

-- [3/14] validate: validate check invoice_total_positive_reconcile_new on public.invoice
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND NOT c.connoinherit) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."invoice" VALIDATE CONSTRAINT "invoice_total_positive_reconcile_new";
\endif
SET statement_timeout = '60s';

-- [4/14] validate: drop the replaced check invoice_total_positive on public.invoice
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."invoice"') AND conname = 'invoice_total_positive') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND NOT c.connoinherit) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive_reconcile_new' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."invoice" DROP CONSTRAINT IF EXISTS "invoice_total_positive";
\endif

-- [5/14] validate: rename check invoice_total_positive_reconcile_new to invoice_total_positive on public.invoice
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."invoice"') AND conname = 'invoice_total_positive_reconcile_new') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."invoice"') AND conname = 'invoice_total_positive')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."invoice" RENAME CONSTRAINT "invoice_total_positive_reconcile_new" TO "invoice_total_positive";
\endif

-- [6/14] indexes: drop index invoice_owner_idx on public.invoice (it differs from the model)
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
-- HAZARD (replace-index): index invoice_owner_idx on public.invoice differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'invoice_owner_idx') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE i.indrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.relname = 'invoice_owner_idx' AND am.amname = 'btree' AND i.indisunique = false AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY[pg_catalog.quote_ident('owner'), pg_catalog.quote_ident('total')]::text[] AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ARRAY['', '']::text[] AND i.indoption::text = '0 0' AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\) NULLS NOT DISTINCT( |$)') = false AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = '' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'invoice_owner_idx' AND c.relkind IN ('i', 'I') AND coalesce(c.reloptions, '{}'::text[]) @> ARRAY[]::text[] AND coalesce(c.reloptions, '{}'::text[]) <@ ARRAY[]::text[]))) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."invoice_owner_idx";
\endif

-- [7/14] indexes: create index invoice_owner_idx on public.invoice concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
-- HAZARD (replace-index): index invoice_owner_idx on public.invoice differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY IF NOT EXISTS "invoice_owner_idx" ON "public"."invoice" USING btree ("owner", "total");
SET statement_timeout = '60s';

-- [8/14] triggers: replace trigger invoice_total_check on public.invoice
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."invoice"') AND t.tgname = 'invoice_total_check' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE CONSTRAINT TRIGGER invoice_total_check AFTER INSERT OR UPDATE ON public.invoice DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.invoice_check()')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'DROP TRIGGER "invoice_total_check" ON "public"."invoice"'; EXECUTE 'CREATE CONSTRAINT TRIGGER invoice_total_check AFTER INSERT OR UPDATE ON public.invoice DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.invoice_check()'; END $reconcile$;
\endif

-- [9/14] triggers: replace trigger invoice_touch on public.invoice
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."invoice"') AND t.tgname = 'invoice_touch' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER invoice_touch BEFORE UPDATE ON public.invoice FOR EACH ROW WHEN ((old.total IS DISTINCT FROM new.total)) EXECUTE FUNCTION public.invoice_check()')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE TRIGGER invoice_touch BEFORE UPDATE ON public.invoice FOR EACH ROW WHEN ((old.total IS DISTINCT FROM new.total)) EXECUTE FUNCTION public.invoice_check();
\endif

-- [10/14] policies: drop and create policy invoice_owner on public.invoice (command differ)
-- lock: ACCESS EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."invoice"') AND p.polname = 'invoice_owner' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['public']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(owner = CURRENT_USER)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN EXECUTE 'DROP POLICY "invoice_owner" ON "public"."invoice"'; EXECUTE 'CREATE POLICY "invoice_owner" ON "public"."invoice" AS PERMISSIVE FOR SELECT TO PUBLIC USING ((owner = CURRENT_USER))'; END $reconcile$;
\endif

-- [11/14] comments: set comment on constraint invoice_total_positive on public.invoice (again, after the drop and create)
-- lock: ACCESS SHARE
SELECT (NOT (pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."invoice"') AND conname = 'invoice_total_positive'), 'pg_constraint')) IS NOT DISTINCT FROM 'no credit notes here') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON CONSTRAINT "invoice_total_positive" ON "public"."invoice" IS 'no credit notes here';
\endif

-- [12/14] comments: set comment on index public.invoice_owner_idx on public.invoice (again, after the drop and create)
-- lock: SHARE UPDATE EXCLUSIVE
-- HAZARD (replace-index): index invoice_owner_idx on public.invoice differs (columns, opclass): it is dropped and rebuilt concurrently; queries that use it are slower until the build ends
SELECT (NOT (pg_catalog.obj_description(pg_catalog.to_regclass('"public"."invoice_owner_idx"'), 'pg_class')) IS NOT DISTINCT FROM 'owner lookups') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON INDEX "public"."invoice_owner_idx" IS 'owner lookups';
\endif

-- [13/14] comments: set comment on trigger invoice_total_check on public.invoice (again, after the drop and create)
-- lock: ACCESS SHARE
SELECT (NOT (pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_trigger WHERE tgrelid = pg_catalog.to_regclass('"public"."invoice"') AND tgname = 'invoice_total_check'), 'pg_trigger')) IS NOT DISTINCT FROM 'checked at commit') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON TRIGGER "invoice_total_check" ON "public"."invoice" IS 'checked at commit';
\endif

-- [14/14] comments: set comment on policy invoice_owner on public.invoice (again, after the drop and create)
-- lock: ACCESS SHARE
SELECT (NOT (pg_catalog.obj_description((SELECT oid FROM pg_catalog.pg_policy WHERE polrelid = pg_catalog.to_regclass('"public"."invoice"') AND polname = 'invoice_owner'), 'pg_policy')) IS NOT DISTINCT FROM 'owners read their invoices') AS needed \gset reconcile_
\if :reconcile_needed
COMMENT ON POLICY "invoice_owner" ON "public"."invoice" IS 'owners read their invoices';
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."invoice"') AND c.contype = 'c' AND c.conname = 'invoice_total_positive' AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = 'CHECK ((total >= (0)::numeric))' AND c.convalidated AND NOT c.connoinherit)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."invoice"') AND t.tgname = 'invoice_total_check' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE CONSTRAINT TRIGGER invoice_total_check AFTER INSERT OR UPDATE ON public.invoice DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.invoice_check()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = pg_catalog.to_regclass('"public"."invoice"') AND t.tgname = 'invoice_touch' AND pg_catalog.pg_get_triggerdef(t.oid) = 'CREATE TRIGGER invoice_touch BEFORE UPDATE ON public.invoice FOR EACH ROW WHEN ((old.total IS DISTINCT FROM new.total)) EXECUTE FUNCTION public.invoice_check()' AND t.tgenabled = 'O')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = pg_catalog.to_regclass('"public"."invoice"') AND p.polname = 'invoice_owner' AND p.polcmd = 'r' AND p.polpermissive = true AND ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END FROM unnest(p.polroles) AS r(oid) ORDER BY 1) = ARRAY['public']::text[] AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) IS NOT DISTINCT FROM '(owner = CURRENT_USER)' AND pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) IS NOT DISTINCT FROM NULL)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
