ALTER TABLE "chat_callsession" ADD COLUMN "provider_call_id" varchar(64);--> statement-breakpoint
CREATE INDEX "chat_callsession_provider_call_id_2d741d04" ON "chat_callsession" USING btree ("provider_call_id");--> statement-breakpoint
CREATE INDEX "chat_callsession_provider_call_id_2d741d04_like" ON "chat_callsession" USING btree ("provider_call_id" varchar_pattern_ops);