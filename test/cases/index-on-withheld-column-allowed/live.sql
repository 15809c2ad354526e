CREATE TABLE line_item (id bigint PRIMARY KEY, unit_cents bigint NOT NULL, qty int NOT NULL DEFAULT 1);
INSERT INTO line_item SELECT g, g * 250, 1 + g % 4 FROM generate_series(1, 20) g;
