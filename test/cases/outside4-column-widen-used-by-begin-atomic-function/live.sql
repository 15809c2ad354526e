CREATE TABLE product (id bigint PRIMARY KEY, sku varchar(16) NOT NULL, name text NOT NULL);
CREATE FUNCTION product_sku(p bigint) RETURNS text LANGUAGE sql STABLE BEGIN ATOMIC SELECT sku FROM product WHERE id = p; END;
INSERT INTO product SELECT g, 'SKU-' || g, 'p' || g FROM generate_series(1, 10) g;
