CREATE TABLE orderline (id int PRIMARY KEY, order_id int NOT NULL, sku text NOT NULL, qty int NOT NULL);
CREATE INDEX orderline_order_cover_idx ON orderline (order_id) INCLUDE (sku, qty);
