CREATE TABLE price (sku text PRIMARY KEY, cents integer NOT NULL);
INSERT INTO price SELECT 'sku' || g, g * 199 FROM generate_series(1, 6) g;
