CREATE TABLE room_hold (id int PRIMARY KEY, room int NOT NULL, during tstzrange NOT NULL,
  CONSTRAINT room_hold_no_overlap EXCLUDE USING gist (during WITH &&));
INSERT INTO room_hold VALUES (1, 1, tstzrange('2024-01-01', '2024-01-02'));
