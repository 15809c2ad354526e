CREATE TABLE product (id int PRIMARY KEY, sku text NOT NULL, CONSTRAINT product_sku_key UNIQUE (sku));
CREATE TABLE stock (id int PRIMARY KEY, sku text NOT NULL, CONSTRAINT stock_sku_fk FOREIGN KEY (sku) REFERENCES product (sku));
