CREATE TABLE room_hold (id int PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL);
INSERT INTO room_hold SELECT g, 1, tstzrange(timestamptz '2024-01-01' + g * interval '1 day', timestamptz '2024-01-01' + g * interval '1 day' + interval '1 hour') FROM generate_series(1, 10) g;
