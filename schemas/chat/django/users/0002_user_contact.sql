BEGIN;
--
-- Add field contact to user
--
ALTER TABLE "users_user" ADD COLUMN "contact" varchar(20) DEFAULT '' NOT NULL;
ALTER TABLE "users_user" ALTER COLUMN "contact" DROP DEFAULT;
COMMIT;
