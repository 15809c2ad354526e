-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  36 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/36] fixes: change type of public.chat_calllog.timestamp from timestamp without time zone to timestamp with time zone (no rewrite, under TimeZone UTC)
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND a.attname = 'timestamp' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
BEGIN
  SET LOCAL TimeZone = 'UTC';
  ALTER TABLE "public"."chat_calllog" ALTER COLUMN "timestamp" TYPE timestamp with time zone;
END
$reconcile$;
\endif

-- [2/36] fixes: check public.chat_calllog.call_session_id for NULLs
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND attname = 'call_session_id' AND NOT attnotnull AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."chat_calllog" WHERE "call_session_id" IS NULL; IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'public.chat_calllog.call_session_id cannot be set NOT NULL: it holds NULLs: ' || n || ' row(s)', HINT = 'backfill them (UPDATE "public"."chat_calllog" SET "call_session_id" = ... WHERE "call_session_id" IS NULL), then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [3/36] fixes: add check call_session_id_reconcile_not_null (NOT VALID) on public.chat_calllog
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND attname = 'call_session_id' AND NOT attnotnull AND NOT attisdropped) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND conname = 'call_session_id_reconcile_not_null')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ADD CONSTRAINT "call_session_id_reconcile_not_null" CHECK ("call_session_id" IS NOT NULL) NOT VALID;
\endif

-- [4/36] fixes: validate check call_session_id_reconcile_not_null on public.chat_calllog
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND conname = 'call_session_id_reconcile_not_null')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" VALIDATE CONSTRAINT "call_session_id_reconcile_not_null";
\endif
SET statement_timeout = '60s';

-- [5/36] fixes: set NOT NULL on public.chat_calllog.call_session_id
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND attname = 'call_session_id' AND NOT attnotnull AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ALTER COLUMN "call_session_id" SET NOT NULL;
\endif

-- [6/36] fixes: drop helper check call_session_id_reconcile_not_null on public.chat_calllog
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."chat_calllog" DROP CONSTRAINT IF EXISTS "call_session_id_reconcile_not_null";

-- [7/36] fixes: check public.chat_calllog.participant_id for NULLs
-- lock: ACCESS SHARE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND attname = 'participant_id' AND NOT attnotnull AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM "public"."chat_calllog" WHERE "participant_id" IS NULL; IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = 'public.chat_calllog.participant_id cannot be set NOT NULL: it holds NULLs: ' || n || ' row(s)', HINT = 'backfill them (UPDATE "public"."chat_calllog" SET "participant_id" = ... WHERE "participant_id" IS NULL), then run again'; END IF; END $reconcile$;
\endif
SET statement_timeout = '60s';

-- [8/36] fixes: add check participant_id_reconcile_not_null (NOT VALID) on public.chat_calllog
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND attname = 'participant_id' AND NOT attnotnull AND NOT attisdropped) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND conname = 'participant_id_reconcile_not_null')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ADD CONSTRAINT "participant_id_reconcile_not_null" CHECK ("participant_id" IS NOT NULL) NOT VALID;
\endif

-- [9/36] fixes: validate check participant_id_reconcile_not_null on public.chat_calllog
-- lock: SHARE UPDATE EXCLUSIVE, may take long
SET statement_timeout = 0;
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND conname = 'participant_id_reconcile_not_null')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" VALIDATE CONSTRAINT "participant_id_reconcile_not_null";
\endif
SET statement_timeout = '60s';

-- [10/36] fixes: set NOT NULL on public.chat_calllog.participant_id
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND attname = 'participant_id' AND NOT attnotnull AND NOT attisdropped)) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ALTER COLUMN "participant_id" SET NOT NULL;
\endif

-- [11/36] fixes: drop helper check participant_id_reconcile_not_null on public.chat_calllog
-- lock: ACCESS EXCLUSIVE
ALTER TABLE "public"."chat_calllog" DROP CONSTRAINT IF EXISTS "participant_id_reconcile_not_null";

-- [12/36] fixes: make foreign key chat_calllog_call_session_id_fkey on public.chat_calllog DEFERRABLE INITIALLY DEFERRED
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND conname = 'chat_calllog_call_session_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['call_session_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_calllog_call_session_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ALTER CONSTRAINT "chat_calllog_call_session_id_fkey" DEFERRABLE INITIALLY DEFERRED;
\endif

-- [13/36] fixes: make foreign key chat_calllog_other_participant_id_fkey on public.chat_calllog DEFERRABLE INITIALLY DEFERRED
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND conname = 'chat_calllog_other_participant_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['other_participant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_calllog_other_participant_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ALTER CONSTRAINT "chat_calllog_other_participant_id_fkey" DEFERRABLE INITIALLY DEFERRED;
\endif

-- [14/36] fixes: make foreign key chat_calllog_participant_id_fkey on public.chat_calllog DEFERRABLE INITIALLY DEFERRED
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND conname = 'chat_calllog_participant_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['participant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_calllog_participant_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ALTER CONSTRAINT "chat_calllog_participant_id_fkey" DEFERRABLE INITIALLY DEFERRED;
\endif

-- [15/36] fixes: make foreign key chat_calllog_room_id_fkey on public.chat_calllog DEFERRABLE INITIALLY DEFERRED
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND conname = 'chat_calllog_room_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."chat_chatroom"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['room_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_calllog_room_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ALTER CONSTRAINT "chat_calllog_room_id_fkey" DEFERRABLE INITIALLY DEFERRED;
\endif

-- [16/36] fixes: change types of public.chat_callsession: start_time, end_time, created_at, updated_at (no rewrite, under TimeZone UTC)
-- lock: ACCESS EXCLUSIVE
SELECT ((EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND a.attname = 'start_time' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND a.attname = 'end_time' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND a.attname = 'created_at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid))) AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND a.attname = 'updated_at' AND NOT a.attisdropped AND pg_catalog.format_type(a.atttypid, a.atttypmod) = 'timestamp without time zone' AND a.attcollation = (SELECT ty.typcollation FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid)))) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$
BEGIN
  SET LOCAL TimeZone = 'UTC';
  ALTER TABLE "public"."chat_callsession" ALTER COLUMN "start_time" TYPE timestamp with time zone,
  ALTER COLUMN "end_time" TYPE timestamp with time zone,
  ALTER COLUMN "created_at" TYPE timestamp with time zone,
  ALTER COLUMN "updated_at" TYPE timestamp with time zone;
END
$reconcile$;
\endif

-- [17/36] fixes: make foreign key chat_callsession_caller_id_fkey on public.chat_callsession DEFERRABLE INITIALLY DEFERRED
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND conname = 'chat_callsession_caller_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['caller_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_callsession_caller_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_callsession" ALTER CONSTRAINT "chat_callsession_caller_id_fkey" DEFERRABLE INITIALLY DEFERRED;
\endif

-- [18/36] fixes: make foreign key chat_callsession_chat_room_id_fkey on public.chat_callsession DEFERRABLE INITIALLY DEFERRED
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND conname = 'chat_callsession_chat_room_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."chat_chatroom"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['chat_room_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_callsession_chat_room_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_callsession" ALTER CONSTRAINT "chat_callsession_chat_room_id_fkey" DEFERRABLE INITIALLY DEFERRED;
\endif

-- [19/36] fixes: make foreign key chat_callsession_parcel_id_fkey on public.chat_callsession DEFERRABLE INITIALLY DEFERRED
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND conname = 'chat_callsession_parcel_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."parcels_parcel"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['parcel_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_callsession_parcel_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_callsession" ALTER CONSTRAINT "chat_callsession_parcel_id_fkey" DEFERRABLE INITIALLY DEFERRED;
\endif

-- [20/36] fixes: make foreign key chat_callsession_receiver_id_fkey on public.chat_callsession DEFERRABLE INITIALLY DEFERRED
-- lock: ACCESS EXCLUSIVE
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND conname = 'chat_callsession_receiver_id_fkey') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['receiver_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_callsession_receiver_id_fkey')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_callsession" ALTER CONSTRAINT "chat_callsession_receiver_id_fkey" DEFERRABLE INITIALLY DEFERRED;
\endif

-- [21/36] indexes: drop invalid leftover index chat_calllog_call_session_id_7e8f9a0b on public.chat_calllog
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_call_session_id_7e8f9a0b' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."chat_calllog_call_session_id_7e8f9a0b";
\endif

-- [22/36] indexes: create index chat_calllog_call_session_id_7e8f9a0b on public.chat_calllog concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_call_session_id_7e8f9a0b' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "chat_calllog_call_session_id_7e8f9a0b" ON "public"."chat_calllog" USING btree ("call_session_id");
\endif
SET statement_timeout = '60s';

-- [23/36] indexes: drop invalid leftover index chat_calllog_other_participant_id_1c2d3e4f on public.chat_calllog
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_other_participant_id_1c2d3e4f' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."chat_calllog_other_participant_id_1c2d3e4f";
\endif

-- [24/36] indexes: create index chat_calllog_other_participant_id_1c2d3e4f on public.chat_calllog concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_other_participant_id_1c2d3e4f' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "chat_calllog_other_participant_id_1c2d3e4f" ON "public"."chat_calllog" USING btree ("other_participant_id");
\endif
SET statement_timeout = '60s';

-- [25/36] indexes: drop invalid leftover index chat_calllog_participant_id_5a6b7c8d on public.chat_calllog
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_participant_id_5a6b7c8d' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."chat_calllog_participant_id_5a6b7c8d";
\endif

-- [26/36] indexes: create index chat_calllog_participant_id_5a6b7c8d on public.chat_calllog concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_participant_id_5a6b7c8d' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "chat_calllog_participant_id_5a6b7c8d" ON "public"."chat_calllog" USING btree ("participant_id");
\endif
SET statement_timeout = '60s';

-- [27/36] indexes: drop invalid leftover index chat_calllog_room_id_9e0f1a2b on public.chat_calllog
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_room_id_9e0f1a2b' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."chat_calllog_room_id_9e0f1a2b";
\endif

-- [28/36] indexes: create index chat_calllog_room_id_9e0f1a2b on public.chat_calllog concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_room_id_9e0f1a2b' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "chat_calllog_room_id_9e0f1a2b" ON "public"."chat_calllog" USING btree ("room_id");
\endif
SET statement_timeout = '60s';

-- [29/36] indexes: drop invalid leftover index chat_callsession_caller_id_1a2b3c4d on public.chat_callsession
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_caller_id_1a2b3c4d' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."chat_callsession_caller_id_1a2b3c4d";
\endif

-- [30/36] indexes: create index chat_callsession_caller_id_1a2b3c4d on public.chat_callsession concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_caller_id_1a2b3c4d' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "chat_callsession_caller_id_1a2b3c4d" ON "public"."chat_callsession" USING btree ("caller_id");
\endif
SET statement_timeout = '60s';

-- [31/36] indexes: drop invalid leftover index chat_callsession_chat_room_id_5e6f7a8b on public.chat_callsession
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_chat_room_id_5e6f7a8b' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."chat_callsession_chat_room_id_5e6f7a8b";
\endif

-- [32/36] indexes: create index chat_callsession_chat_room_id_5e6f7a8b on public.chat_callsession concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_chat_room_id_5e6f7a8b' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "chat_callsession_chat_room_id_5e6f7a8b" ON "public"."chat_callsession" USING btree ("chat_room_id");
\endif
SET statement_timeout = '60s';

-- [33/36] indexes: drop invalid leftover index chat_callsession_parcel_id_9c0d1e2f on public.chat_callsession
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_parcel_id_9c0d1e2f' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."chat_callsession_parcel_id_9c0d1e2f";
\endif

-- [34/36] indexes: create index chat_callsession_parcel_id_9c0d1e2f on public.chat_callsession concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_parcel_id_9c0d1e2f' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "chat_callsession_parcel_id_9c0d1e2f" ON "public"."chat_callsession" USING btree ("parcel_id");
\endif
SET statement_timeout = '60s';

-- [35/36] indexes: drop invalid leftover index chat_callsession_receiver_id_3a4b5c6d on public.chat_callsession
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction
SELECT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_receiver_id_3a4b5c6d' AND NOT i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
DROP INDEX CONCURRENTLY IF EXISTS "public"."chat_callsession_receiver_id_3a4b5c6d";
\endif

-- [36/36] indexes: create index chat_callsession_receiver_id_3a4b5c6d on public.chat_callsession concurrently
-- lock: SHARE UPDATE EXCLUSIVE, outside any transaction, may take long
SET statement_timeout = 0;
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_receiver_id_3a4b5c6d' AND i.indisvalid)) AS needed \gset reconcile_
\if :reconcile_needed
CREATE INDEX CONCURRENTLY IF NOT EXISTS "chat_callsession_receiver_id_3a4b5c6d" ON "public"."chat_callsession" USING btree ("receiver_id");
\endif
SET statement_timeout = '60s';

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['call_session_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['other_participant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['participant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."chat_chatroom"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['room_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_call_session_id_7e8f9a0b' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_other_participant_id_1c2d3e4f' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_participant_id_5a6b7c8d' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_calllog_room_id_9e0f1a2b' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['caller_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."chat_chatroom"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['chat_room_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."parcels_parcel"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['parcel_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['receiver_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.convalidated)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_caller_id_1a2b3c4d' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_chat_room_id_5e6f7a8b' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_parcel_id_9c0d1e2f' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = 'chat_callsession_receiver_id_3a4b5c6d' AND i.indisvalid)) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
