CREATE TABLE line_item (id bigint PRIMARY KEY, unit_cents bigint NOT NULL);
INSERT INTO line_item SELECT g, g * 250 FROM generate_series(1, 20) g;
