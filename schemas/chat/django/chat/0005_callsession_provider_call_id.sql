BEGIN;
--
-- Add field provider_call_id to callsession
--
ALTER TABLE "chat_callsession" ADD COLUMN "provider_call_id" varchar(64) NULL;
CREATE INDEX "chat_callsession_provider_call_id_2d741d04" ON "chat_callsession" ("provider_call_id");
CREATE INDEX "chat_callsession_provider_call_id_2d741d04_like" ON "chat_callsession" ("provider_call_id" varchar_pattern_ops);
COMMIT;
