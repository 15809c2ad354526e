CREATE TABLE line_item (id int PRIMARY KEY, qty int NOT NULL, unit_price numeric(10,2) NOT NULL);
INSERT INTO line_item SELECT g, g % 7 + 1, (g * 1.25)::numeric(10,2) FROM generate_series(1, 50) g;
