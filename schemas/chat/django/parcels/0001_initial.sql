BEGIN;
--
-- Create model Parcel
--
CREATE TABLE "parcels_parcel" ("id" uuid NOT NULL PRIMARY KEY, "tracking_number" varchar(32) NOT NULL UNIQUE, "description" text NOT NULL, "weight_kg" numeric(8, 2) NOT NULL, "status" varchar(20) NOT NULL, "created_at" timestamp with time zone NOT NULL, "updated_at" timestamp with time zone NOT NULL, "sender_id" uuid NOT NULL);
ALTER TABLE "parcels_parcel" ADD CONSTRAINT "parcels_parcel_sender_id_1c261970_fk_users_user_id" FOREIGN KEY ("sender_id") REFERENCES "users_user" ("id") DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX "parcels_parcel_tracking_number_aa52a0bf_like" ON "parcels_parcel" ("tracking_number" varchar_pattern_ops);
CREATE INDEX "parcels_parcel_status_0adb7e32" ON "parcels_parcel" ("status");
CREATE INDEX "parcels_parcel_status_0adb7e32_like" ON "parcels_parcel" ("status" varchar_pattern_ops);
CREATE INDEX "parcels_parcel_sender_id_1c261970" ON "parcels_parcel" ("sender_id");
COMMIT;
