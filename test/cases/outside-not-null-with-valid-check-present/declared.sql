CREATE TABLE parcel (id int PRIMARY KEY, weight int NOT NULL);
ALTER TABLE parcel ADD CONSTRAINT parcel_weight_present CHECK (weight IS NOT NULL);
