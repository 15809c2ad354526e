CREATE TABLE line_items (id bigint PRIMARY KEY, qty int NOT NULL, unit_cents int NOT NULL);
INSERT INTO line_items SELECT g, g % 4 + 1, g * 25 FROM generate_series(1, 12) g;
