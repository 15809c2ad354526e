CREATE TABLE "users_user" ("id" uuid NOT NULL PRIMARY KEY, "email" varchar(254) NOT NULL UNIQUE, "first_name" varchar(150) NOT NULL, "last_name" varchar(150) NOT NULL);
CREATE INDEX "users_user_email_243f6e77_like" ON "users_user" ("email" varchar_pattern_ops);
CREATE TABLE "parcels_parcel" ("id" uuid NOT NULL PRIMARY KEY, "tracking_code" varchar(32) NOT NULL);
CREATE TABLE "chat_chatroom" ("id" uuid NOT NULL PRIMARY KEY, "name" varchar(100) NOT NULL, "created_at" timestamp with time zone NOT NULL);
INSERT INTO users_user VALUES ('00000000-0000-0000-0000-000000000001', 'a@x.org', 'A', 'A');
