BEGIN;
--
-- Create model CallSession
--
CREATE TABLE "chat_callsession" ("id" uuid NOT NULL PRIMARY KEY, "status" varchar(20) NOT NULL, "start_time" timestamp with time zone NULL, "end_time" timestamp with time zone NULL, "duration_seconds" integer NULL, "created_at" timestamp with time zone NOT NULL, "updated_at" timestamp with time zone NOT NULL, "caller_id" uuid NOT NULL, "chat_room_id" uuid NULL, "parcel_id" uuid NULL, "receiver_id" uuid NOT NULL);
--
-- Create model CallLog
--
CREATE TABLE "chat_calllog" ("id" uuid NOT NULL PRIMARY KEY, "log_type" varchar(20) NOT NULL, "timestamp" timestamp with time zone NOT NULL, "duration_seconds" integer NULL, "call_session_id" uuid NOT NULL, "other_participant_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "room_id" uuid NULL);
ALTER TABLE "chat_callsession" ADD CONSTRAINT "chat_callsession_caller_id_cc216afb_fk_users_user_id" FOREIGN KEY ("caller_id") REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "chat_callsession" ADD CONSTRAINT "chat_callsession_chat_room_id_fde13cf2_fk_chat_chatroom_id" FOREIGN KEY ("chat_room_id") REFERENCES "chat_chatroom" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "chat_callsession" ADD CONSTRAINT "chat_callsession_parcel_id_1b981f5a_fk_parcels_parcel_id" FOREIGN KEY ("parcel_id") REFERENCES "parcels_parcel" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "chat_callsession" ADD CONSTRAINT "chat_callsession_receiver_id_7f769efe_fk_users_user_id" FOREIGN KEY ("receiver_id") REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "chat_callsession_caller_id_cc216afb" ON "chat_callsession" ("caller_id");
CREATE INDEX "chat_callsession_chat_room_id_fde13cf2" ON "chat_callsession" ("chat_room_id");
CREATE INDEX "chat_callsession_parcel_id_1b981f5a" ON "chat_callsession" ("parcel_id");
CREATE INDEX "chat_callsession_receiver_id_7f769efe" ON "chat_callsession" ("receiver_id");
ALTER TABLE "chat_calllog" ADD CONSTRAINT "chat_calllog_call_session_id_5f992829_fk_chat_callsession_id" FOREIGN KEY ("call_session_id") REFERENCES "chat_callsession" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "chat_calllog" ADD CONSTRAINT "chat_calllog_other_participant_id_16d3a0ba_fk_users_user_id" FOREIGN KEY ("other_participant_id") REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "chat_calllog" ADD CONSTRAINT "chat_calllog_participant_id_8f015b99_fk_users_user_id" FOREIGN KEY ("participant_id") REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "chat_calllog" ADD CONSTRAINT "chat_calllog_room_id_60be36a7_fk_chat_chatroom_id" FOREIGN KEY ("room_id") REFERENCES "chat_chatroom" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "chat_calllog_call_session_id_5f992829" ON "chat_calllog" ("call_session_id");
CREATE INDEX "chat_calllog_other_participant_id_16d3a0ba" ON "chat_calllog" ("other_participant_id");
CREATE INDEX "chat_calllog_participant_id_8f015b99" ON "chat_calllog" ("participant_id");
CREATE INDEX "chat_calllog_room_id_60be36a7" ON "chat_calllog" ("room_id");
COMMIT;
