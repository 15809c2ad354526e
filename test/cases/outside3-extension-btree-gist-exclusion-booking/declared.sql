-- from: the PostgreSQL docs' btree_gist example and pgschema create_table/issue_281_exclude_constraint
-- No double bookings: an exclusion constraint mixing = on an integer (needs btree_gist, missing on live) with && on a range. Live rows do not overlap.
CREATE TABLE rooms (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE bookings (id bigint PRIMARY KEY, room_id int NOT NULL REFERENCES rooms (id), during tstzrange NOT NULL, booked_by text NOT NULL);
CREATE EXTENSION btree_gist;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);
