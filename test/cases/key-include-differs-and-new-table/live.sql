CREATE TABLE seat (id bigint PRIMARY KEY, hall int NOT NULL, row_no int NOT NULL, label text NOT NULL, CONSTRAINT seat_hall_row_key UNIQUE (hall, row_no));
INSERT INTO seat SELECT g, g % 4, g, 'S' || g FROM generate_series(1, 20) g;
