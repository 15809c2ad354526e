CREATE TABLE orderline (id int PRIMARY KEY, order_id int NOT NULL, sku text NOT NULL, qty int NOT NULL);
INSERT INTO orderline SELECT g, g / 3, 's' || g, g % 4 FROM generate_series(1, 60) g;
