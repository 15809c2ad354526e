CREATE TABLE parcel (id int PRIMARY KEY, weight int);
INSERT INTO parcel SELECT g, g FROM generate_series(1, 30) g;
ALTER TABLE parcel ADD CONSTRAINT parcel_weight_present CHECK (weight IS NOT NULL);
