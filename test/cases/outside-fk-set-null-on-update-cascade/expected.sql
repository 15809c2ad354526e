-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  3 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/3] constraints: check rows of public.player against foreign key player_team_fk
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."player"') AND conname = 'player_team_fk' AND convalidated)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."player" child WHERE ((child."team_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."team" parent WHERE parent."id" = child."team_id"))); IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'foreign key player_team_fk on public.player cannot be validated: rows reference missing public.team rows: ' || n || ' row(s)', HINT = 'find them with SELECT * FROM "public"."player" child WHERE ((child."team_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "public"."team" parent WHERE parent."id" = child."team_id"))); fix or delete them, then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [2/3] constraints: add foreign key player_team_fk on public.player -> public.team (NOT VALID)
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."player"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."team"') AND c.confdeltype = 'n' AND c.confupdtype = 'c' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['team_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND pg_catalog.pg_get_constraintdef(c.oid) !~ E'ON DELETE SET (NULL|DEFAULT) \\(' AND c.conname = 'player_team_fk')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."player" ADD CONSTRAINT "player_team_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team" ("id") ON UPDATE CASCADE ON DELETE SET NULL NOT VALID;
\endif

-- [3/3] validate: validate foreign key player_team_fk on public.player
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
ALTER TABLE "public"."player" VALIDATE CONSTRAINT "player_team_fk";
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."player"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."team"') AND c.confdeltype = 'n' AND c.confupdtype = 'c' AND c.confmatchtype = 's' AND c.condeferrable = false AND c.condeferred = false AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['team_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND pg_catalog.pg_get_constraintdef(c.oid) !~ E'ON DELETE SET (NULL|DEFAULT) \\(' AND c.convalidated)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
