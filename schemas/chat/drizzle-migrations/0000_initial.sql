CREATE TABLE "chat_chatroom" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"parcel_id" uuid,
	"traveler_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"room_id" uuid NOT NULL,
	"sender_id" uuid NOT NULL,
	"message_type" varchar(20) DEFAULT 'text' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parcels_parcel" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_number" varchar(32) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"weight_kg" numeric(8, 2) NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sender_id" uuid NOT NULL,
	CONSTRAINT "parcels_parcel_tracking_number_key" UNIQUE("tracking_number")
);
--> statement-breakpoint
CREATE TABLE "users_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(254) NOT NULL,
	"first_name" varchar(150) NOT NULL,
	"last_name" varchar(150) NOT NULL,
	"password" varchar(128) NOT NULL,
	"last_login" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"date_joined" timestamp with time zone DEFAULT now() NOT NULL,
	"contact" varchar(20) DEFAULT '' NOT NULL,
	CONSTRAINT "users_user_email_key" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "chat_chatroom" ADD CONSTRAINT "chat_chatroom_customer_id_users_user_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_chatroom" ADD CONSTRAINT "chat_chatroom_parcel_id_parcels_parcel_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels_parcel"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_chatroom" ADD CONSTRAINT "chat_chatroom_traveler_id_users_user_id_fk" FOREIGN KEY ("traveler_id") REFERENCES "public"."users_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_message" ADD CONSTRAINT "chat_message_room_id_chat_chatroom_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."chat_chatroom"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_message" ADD CONSTRAINT "chat_message_sender_id_users_user_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels_parcel" ADD CONSTRAINT "parcels_parcel_sender_id_users_user_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_chatroom_customer_id_a7583800" ON "chat_chatroom" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "chat_chatroom_parcel_id_2541be0b" ON "chat_chatroom" USING btree ("parcel_id");--> statement-breakpoint
CREATE INDEX "chat_chatroom_traveler_id_3f439f47" ON "chat_chatroom" USING btree ("traveler_id");--> statement-breakpoint
CREATE INDEX "chat_message_room_id_5e7d8d78" ON "chat_message" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "chat_message_sender_id_991c686c" ON "chat_message" USING btree ("sender_id");--> statement-breakpoint
CREATE INDEX "parcels_parcel_tracking_number_aa52a0bf_like" ON "parcels_parcel" USING btree ("tracking_number" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "parcels_parcel_status_0adb7e32" ON "parcels_parcel" USING btree ("status");--> statement-breakpoint
CREATE INDEX "parcels_parcel_status_0adb7e32_like" ON "parcels_parcel" USING btree ("status" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "parcels_parcel_sender_id_1c261970" ON "parcels_parcel" USING btree ("sender_id");--> statement-breakpoint
CREATE INDEX "users_user_email_243f6e77_like" ON "users_user" USING btree ("email" varchar_pattern_ops);