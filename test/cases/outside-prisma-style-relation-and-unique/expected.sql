-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  8 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/8] columns: add column public."Article".published
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."Article" ADD COLUMN IF NOT EXISTS "published" boolean DEFAULT false NOT NULL;

-- [2/8] constraints: check rows of public."Article" against foreign key Article_memberId_fkey
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."Article"') AND conname = 'Article_memberId_fkey' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."Article" child WHERE ((child."memberId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."Member" parent WHERE parent."id" = child."memberId"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key Article_memberId_fkey on public."Article" cannot be validated: rows reference missing public."Member" rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."Article" child WHERE ((child."memberId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."Member" parent WHERE parent."id" = child."memberId"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/8] constraints: add foreign key Article_memberId_fkey on public."Article" -> public."Member" (NOT VALID)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Article"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."Member"') AND c.confdeltype = 'r' AND c.confupdtype = 'c' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['memberId']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'Article_memberId_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."Article" ADD CONSTRAINT "Article_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "public"."Member" ("id") ON UPDATE CASCADE ON DELETE RESTRICT NOT VALID;
\endif

-- [4/8] validate: validate foreign key Article_memberId_fkey on public."Article"
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."Article" VALIDATE CONSTRAINT "Article_memberId_fkey";
SET statement_timeout = '60s';

-- [5/8] indexes: drop invalid leftover index Article_memberId_idx on public."Article"
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'Article_memberId_idx' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."Article_memberId_idx";
\endif

-- [6/8] indexes: create index Article_memberId_idx on public."Article" concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'Article_memberId_idx' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "Article_memberId_idx" ON "public"."Article" USING btree ("memberId");
\endif
SET statement_timeout = '60s';

-- [7/8] indexes: drop invalid leftover index Member_email_key on public."Member"
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'Member_email_key' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."Member_email_key";
\endif

-- [8/8] indexes: create index Member_email_key on public."Member" concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'Member_email_key' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Member_email_key" ON "public"."Member" USING btree ("email");
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."Article"') AND attname = 'published' AND NOT attisdropped)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."Article"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."Member"') AND c.confdeltype = 'r' AND c.confupdtype = 'c' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['memberId']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'Article_memberId_idx' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'Member_email_key' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
