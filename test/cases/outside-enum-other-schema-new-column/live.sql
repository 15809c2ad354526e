CREATE SCHEMA shop;
CREATE TYPE shop.order_state AS ENUM ('cart', 'paid', 'shipped');
CREATE TABLE shop.purchase (id int PRIMARY KEY, state shop.order_state NOT NULL DEFAULT 'cart');
INSERT INTO shop.purchase SELECT g, 'paid' FROM generate_series(1, 10) g;
