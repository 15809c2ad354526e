CREATE TABLE booking (id bigint PRIMARY KEY, room int NOT NULL, day date NOT NULL, guest text NOT NULL);
INSERT INTO booking SELECT g, g % 4, DATE '2026-03-01' + g, 'guest' || g FROM generate_series(1, 20) g;
