CREATE TABLE "chat_calllog" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"log_type" varchar(20) NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"duration_seconds" integer,
	"call_session_id" uuid NOT NULL,
	"other_participant_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"room_id" uuid
);
--> statement-breakpoint
CREATE TABLE "chat_callsession" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" varchar(20) NOT NULL,
	"start_time" timestamp with time zone,
	"end_time" timestamp with time zone,
	"duration_seconds" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"caller_id" uuid NOT NULL,
	"chat_room_id" uuid,
	"parcel_id" uuid,
	"receiver_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_calllog" ADD CONSTRAINT "chat_calllog_call_session_id_chat_callsession_id_fk" FOREIGN KEY ("call_session_id") REFERENCES "public"."chat_callsession"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_calllog" ADD CONSTRAINT "chat_calllog_other_participant_id_users_user_id_fk" FOREIGN KEY ("other_participant_id") REFERENCES "public"."users_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_calllog" ADD CONSTRAINT "chat_calllog_participant_id_users_user_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."users_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_calllog" ADD CONSTRAINT "chat_calllog_room_id_chat_chatroom_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."chat_chatroom"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_callsession" ADD CONSTRAINT "chat_callsession_caller_id_users_user_id_fk" FOREIGN KEY ("caller_id") REFERENCES "public"."users_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_callsession" ADD CONSTRAINT "chat_callsession_chat_room_id_chat_chatroom_id_fk" FOREIGN KEY ("chat_room_id") REFERENCES "public"."chat_chatroom"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_callsession" ADD CONSTRAINT "chat_callsession_parcel_id_parcels_parcel_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels_parcel"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_callsession" ADD CONSTRAINT "chat_callsession_receiver_id_users_user_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."users_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_calllog_call_session_id_5f992829" ON "chat_calllog" USING btree ("call_session_id");--> statement-breakpoint
CREATE INDEX "chat_calllog_other_participant_id_16d3a0ba" ON "chat_calllog" USING btree ("other_participant_id");--> statement-breakpoint
CREATE INDEX "chat_calllog_participant_id_8f015b99" ON "chat_calllog" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "chat_calllog_room_id_60be36a7" ON "chat_calllog" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "chat_callsession_caller_id_cc216afb" ON "chat_callsession" USING btree ("caller_id");--> statement-breakpoint
CREATE INDEX "chat_callsession_chat_room_id_fde13cf2" ON "chat_callsession" USING btree ("chat_room_id");--> statement-breakpoint
CREATE INDEX "chat_callsession_parcel_id_1b981f5a" ON "chat_callsession" USING btree ("parcel_id");--> statement-breakpoint
CREATE INDEX "chat_callsession_receiver_id_7f769efe" ON "chat_callsession" USING btree ("receiver_id");