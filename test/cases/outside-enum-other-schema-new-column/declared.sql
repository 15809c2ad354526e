CREATE SCHEMA shop;
CREATE TYPE shop.order_state AS ENUM ('cart', 'paid', 'shipped', 'returned');
CREATE TABLE shop.purchase (id int PRIMARY KEY, state shop.order_state NOT NULL DEFAULT 'cart', history shop.order_state[] NOT NULL DEFAULT '{}');
