-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  18 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/18] tables: create table public.chat_calllog
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."chat_calllog" (
  "id" uuid NOT NULL,
  "log_type" character varying(20) NOT NULL,
  "timestamp" timestamp with time zone NOT NULL,
  "duration_seconds" integer,
  "call_session_id" uuid NOT NULL,
  "other_participant_id" uuid,
  "participant_id" uuid NOT NULL,
  "room_id" uuid,
  CONSTRAINT "chat_calllog_pkey" PRIMARY KEY ("id")
);

-- [2/18] tables: create table public.chat_callsession
-- lock: none
CREATE TABLE IF NOT EXISTS "public"."chat_callsession" (
  "id" uuid NOT NULL,
  "status" character varying(20) NOT NULL,
  "start_time" timestamp with time zone,
  "end_time" timestamp with time zone,
  "duration_seconds" integer,
  "created_at" timestamp with time zone NOT NULL,
  "updated_at" timestamp with time zone NOT NULL,
  "caller_id" uuid,
  "chat_room_id" uuid,
  "parcel_id" uuid,
  "receiver_id" uuid,
  CONSTRAINT "chat_callsession_pkey" PRIMARY KEY ("id")
);

-- [3/18] constraints: add foreign key chat_calllog_call_session_id_7e8f9a0b_fk_chat_callsession_id on public.chat_calllog -> public.chat_callsession
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['call_session_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_calllog_call_session_id_7e8f9a0b_fk_chat_callsession_id')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ADD CONSTRAINT "chat_calllog_call_session_id_7e8f9a0b_fk_chat_callsession_id" FOREIGN KEY ("call_session_id") REFERENCES "public"."chat_callsession" ("id") DEFERRABLE INITIALLY DEFERRED;
\endif

-- [4/18] constraints: add foreign key chat_calllog_other_participant_id_1c2d3e4f_fk_users_user_id on public.chat_calllog -> public.users_user
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['other_participant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_calllog_other_participant_id_1c2d3e4f_fk_users_user_id')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ADD CONSTRAINT "chat_calllog_other_participant_id_1c2d3e4f_fk_users_user_id" FOREIGN KEY ("other_participant_id") REFERENCES "public"."users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
\endif

-- [5/18] constraints: add foreign key chat_calllog_participant_id_5a6b7c8d_fk_users_user_id on public.chat_calllog -> public.users_user
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['participant_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_calllog_participant_id_5a6b7c8d_fk_users_user_id')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ADD CONSTRAINT "chat_calllog_participant_id_5a6b7c8d_fk_users_user_id" FOREIGN KEY ("participant_id") REFERENCES "public"."users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
\endif

-- [6/18] constraints: add foreign key chat_calllog_room_id_9e0f1a2b_fk_chat_chatroom_id on public.chat_calllog -> public.chat_chatroom
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_calllog"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."chat_chatroom"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['room_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_calllog_room_id_9e0f1a2b_fk_chat_chatroom_id')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_calllog" ADD CONSTRAINT "chat_calllog_room_id_9e0f1a2b_fk_chat_chatroom_id" FOREIGN KEY ("room_id") REFERENCES "public"."chat_chatroom" ("id") DEFERRABLE INITIALLY DEFERRED;
\endif

-- [7/18] constraints: add foreign key chat_callsession_caller_id_1a2b3c4d_fk_users_user_id on public.chat_callsession -> public.users_user
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['caller_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_callsession_caller_id_1a2b3c4d_fk_users_user_id')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_callsession" ADD CONSTRAINT "chat_callsession_caller_id_1a2b3c4d_fk_users_user_id" FOREIGN KEY ("caller_id") REFERENCES "public"."users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
\endif

-- [8/18] constraints: add foreign key chat_callsession_chat_room_id_5e6f7a8b_fk_chat_chatroom_id on public.chat_callsession -> public.chat_chatroom
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."chat_chatroom"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['chat_room_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_callsession_chat_room_id_5e6f7a8b_fk_chat_chatroom_id')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_callsession" ADD CONSTRAINT "chat_callsession_chat_room_id_5e6f7a8b_fk_chat_chatroom_id" FOREIGN KEY ("chat_room_id") REFERENCES "public"."chat_chatroom" ("id") DEFERRABLE INITIALLY DEFERRED;
\endif

-- [9/18] constraints: add foreign key chat_callsession_parcel_id_9c0d1e2f_fk_parcels_parcel_id on public.chat_callsession -> public.parcels_parcel
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."parcels_parcel"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['parcel_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_callsession_parcel_id_9c0d1e2f_fk_parcels_parcel_id')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_callsession" ADD CONSTRAINT "chat_callsession_parcel_id_9c0d1e2f_fk_parcels_parcel_id" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels_parcel" ("id") DEFERRABLE INITIALLY DEFERRED;
\endif

-- [10/18] constraints: add foreign key chat_callsession_receiver_id_3a4b5c6d_fk_users_user_id on public.chat_callsession -> public.users_user
-- lock: SHARE ROW EXCLUSIVE
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = pg_catalog.to_regclass('"public"."chat_callsession"') AND c.contype = 'f' AND c.confrelid = pg_catalog.to_regclass('"public"."users_user"') AND c.confdeltype = 'a' AND c.confupdtype = 'a' AND c.confmatchtype = 's' AND c.condeferrable = true AND c.condeferred = true AND ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['receiver_id']::text[] AND ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.ord) = ARRAY['id']::text[] AND c.conname = 'chat_callsession_receiver_id_3a4b5c6d_fk_users_user_id')) AS needed \gset reconcile_
\if :reconcile_needed
ALTER TABLE "public"."chat_callsession" ADD CONSTRAINT "chat_callsession_receiver_id_3a4b5c6d_fk_users_user_id" FOREIGN KEY ("receiver_id") REFERENCES "public"."users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
\endif

-- [11/18] indexes: create index chat_calllog_call_session_id_7e8f9a0b on public.chat_calllog
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "chat_calllog_call_session_id_7e8f9a0b" ON "public"."chat_calllog" USING btree ("call_session_id");

-- [12/18] indexes: create index chat_calllog_other_participant_id_1c2d3e4f on public.chat_calllog
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "chat_calllog_other_participant_id_1c2d3e4f" ON "public"."chat_calllog" USING btree ("other_participant_id");

-- [13/18] indexes: create index chat_calllog_participant_id_5a6b7c8d on public.chat_calllog
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "chat_calllog_participant_id_5a6b7c8d" ON "public"."chat_calllog" USING btree ("participant_id");

-- [14/18] indexes: create index chat_calllog_room_id_9e0f1a2b on public.chat_calllog
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "chat_calllog_room_id_9e0f1a2b" ON "public"."chat_calllog" USING btree ("room_id");

-- [15/18] indexes: create index chat_callsession_caller_id_1a2b3c4d on public.chat_callsession
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "chat_callsession_caller_id_1a2b3c4d" ON "public"."chat_callsession" USING btree ("caller_id");

-- [16/18] indexes: create index chat_callsession_chat_room_id_5e6f7a8b on public.chat_callsession
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "chat_callsession_chat_room_id_5e6f7a8b" ON "public"."chat_callsession" USING btree ("chat_room_id");

-- [17/18] indexes: create index chat_callsession_parcel_id_9c0d1e2f on public.chat_callsession
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "chat_callsession_parcel_id_9c0d1e2f" ON "public"."chat_callsession" USING btree ("parcel_id");

-- [18/18] indexes: create index chat_callsession_receiver_id_3a4b5c6d on public.chat_callsession
-- lock: SHARE
CREATE INDEX IF NOT EXISTS "chat_callsession_receiver_id_3a4b5c6d" ON "public"."chat_callsession" USING btree ("receiver_id");

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (pg_catalog.to_regclass('"public"."chat_calllog"') IS NOT NULL) THEN missing := missing + 1; END IF; IF NOT (pg_catalog.to_regclass('"public"."chat_callsession"') IS NOT NULL) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
