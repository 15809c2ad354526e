CREATE TABLE product (id bigint PRIMARY KEY, sku text NOT NULL, position int NOT NULL, CONSTRAINT product_sku_key UNIQUE (sku), CONSTRAINT product_position_key UNIQUE (position));
CREATE TABLE stock (id bigint PRIMARY KEY, sku text NOT NULL REFERENCES product (sku), qty int NOT NULL);
INSERT INTO product SELECT g, 'SKU' || g, g FROM generate_series(1, 15) g;
INSERT INTO stock SELECT g, 'SKU' || g, g * 2 FROM generate_series(1, 15) g;
