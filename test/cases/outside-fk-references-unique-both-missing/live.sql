CREATE TABLE product (id int PRIMARY KEY, sku text NOT NULL);
CREATE TABLE stock (id int PRIMARY KEY, sku text NOT NULL);
INSERT INTO product SELECT g, 'SKU' || g FROM generate_series(1, 10) g;
INSERT INTO stock SELECT g, 'SKU' || (g % 10 + 1) FROM generate_series(1, 30) g;
