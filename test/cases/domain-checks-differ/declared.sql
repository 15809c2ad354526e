CREATE DOMAIN quantity AS integer DEFAULT 1 NOT NULL CONSTRAINT quantity_range CHECK (VALUE >= 0 AND VALUE < 100000);
CREATE DOMAIN sku AS varchar(32) CONSTRAINT sku_format CHECK (VALUE ~ '^[A-Z0-9-]+$');
CREATE TABLE line_item (id int PRIMARY KEY, qty quantity, code sku);
