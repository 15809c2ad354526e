BEGIN;
--
-- Add field message_type to message
--
ALTER TABLE "chat_message" ADD COLUMN "message_type" varchar(20) DEFAULT 'text' NOT NULL;
ALTER TABLE "chat_message" ALTER COLUMN "message_type" DROP DEFAULT;
COMMIT;
