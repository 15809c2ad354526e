-- Hand-made: the range check has another definition, the default is missing, NOT NULL was never set,
-- and sku has an extra check the model lacks (kept: dropping it is the drop hazard).
CREATE DOMAIN quantity AS integer CONSTRAINT quantity_range CHECK (VALUE > 0);
CREATE DOMAIN sku AS varchar(32) CONSTRAINT sku_format CHECK (VALUE ~ '^[A-Z0-9-]+$') CONSTRAINT sku_short CHECK (length(VALUE) < 20);
CREATE TABLE line_item (id int PRIMARY KEY, qty quantity, code sku);
INSERT INTO line_item SELECT g, g, 'SKU-' || g FROM generate_series(1, 50) g;
