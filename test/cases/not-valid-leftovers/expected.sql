-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  4 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/4] validate: check rows of public.posts against posts_title_len
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."posts"') AND conname = 'posts_title_len' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."posts" WHERE NOT (((char_length(title) > 0))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'check posts_title_len on public.posts cannot be validated: rows violate ((char_length(title) > 0)): ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."posts" WHERE NOT (((char_length(title) > 0))); fix them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/4] validate: validate check posts_title_len on public.posts
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."posts" VALIDATE CONSTRAINT "posts_title_len";
SET statement_timeout = '60s';

-- [3/4] validate: check rows of public.posts against foreign key posts_user_fk
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."posts"') AND conname = 'posts_user_fk' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."posts" child WHERE ((child."user_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."users" parent WHERE parent."id" = child."user_id"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key posts_user_fk on public.posts cannot be validated: rows reference missing public.users rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."posts" child WHERE ((child."user_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."users" parent WHERE parent."id" = child."user_id"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [4/4] validate: validate foreign key posts_user_fk on public.posts
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."posts" VALIDATE CONSTRAINT "posts_user_fk";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."posts"') AND conname = 'posts_title_len' AND convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."posts"') AND conname = 'posts_user_fk' AND convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
