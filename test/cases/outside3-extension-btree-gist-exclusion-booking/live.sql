CREATE TABLE rooms (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE bookings (id bigint PRIMARY KEY, room_id int NOT NULL REFERENCES rooms (id), during tstzrange NOT NULL, booked_by text NOT NULL);
INSERT INTO rooms VALUES (1, 'Blue'), (2, 'Red');
INSERT INTO bookings SELECT g, (g % 2) + 1, tstzrange('2024-03-01'::timestamptz + g * interval '2 hours', '2024-03-01'::timestamptz + g * interval '2 hours' + interval '90 minutes'), 'b' || g FROM generate_series(1, 10) g;
