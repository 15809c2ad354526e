BEGIN;
--
-- Create model ChatRoom
--
CREATE TABLE "chat_chatroom" ("id" uuid NOT NULL PRIMARY KEY, "is_active" boolean NOT NULL, "created_at" timestamp with time zone NOT NULL, "updated_at" timestamp with time zone NOT NULL, "customer_id" uuid NOT NULL, "parcel_id" uuid NULL, "traveler_id" uuid NOT NULL);
--
-- Create model Message
--
CREATE TABLE "chat_message" ("id" uuid NOT NULL PRIMARY KEY, "content" text NOT NULL, "created_at" timestamp with time zone NOT NULL, "room_id" uuid NOT NULL, "sender_id" uuid NOT NULL);
ALTER TABLE "chat_chatroom" ADD CONSTRAINT "chat_chatroom_customer_id_a7583800_fk_users_user_id" FOREIGN KEY ("customer_id") REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "chat_chatroom" ADD CONSTRAINT "chat_chatroom_parcel_id_2541be0b_fk_parcels_parcel_id" FOREIGN KEY ("parcel_id") REFERENCES "parcels_parcel" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "chat_chatroom" ADD CONSTRAINT "chat_chatroom_traveler_id_3f439f47_fk_users_user_id" FOREIGN KEY ("traveler_id") REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "chat_chatroom_customer_id_a7583800" ON "chat_chatroom" ("customer_id");
CREATE INDEX "chat_chatroom_parcel_id_2541be0b" ON "chat_chatroom" ("parcel_id");
CREATE INDEX "chat_chatroom_traveler_id_3f439f47" ON "chat_chatroom" ("traveler_id");
ALTER TABLE "chat_message" ADD CONSTRAINT "chat_message_room_id_5e7d8d78_fk_chat_chatroom_id" FOREIGN KEY ("room_id") REFERENCES "chat_chatroom" ("id") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "chat_message" ADD CONSTRAINT "chat_message_sender_id_991c686c_fk_users_user_id" FOREIGN KEY ("sender_id") REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "chat_message_room_id_5e7d8d78" ON "chat_message" ("room_id");
CREATE INDEX "chat_message_sender_id_991c686c" ON "chat_message" ("sender_id");
COMMIT;
