BEGIN;
--
-- Create model User
--
CREATE TABLE "users_user" ("id" uuid NOT NULL PRIMARY KEY, "email" varchar(254) NOT NULL UNIQUE, "first_name" varchar(150) NOT NULL, "last_name" varchar(150) NOT NULL, "password" varchar(128) NOT NULL, "last_login" timestamp with time zone NULL, "is_active" boolean NOT NULL, "date_joined" timestamp with time zone NOT NULL);
CREATE INDEX "users_user_email_243f6e77_like" ON "users_user" ("email" varchar_pattern_ops);
COMMIT;
