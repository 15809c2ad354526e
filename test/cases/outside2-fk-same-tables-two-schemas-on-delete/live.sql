CREATE SCHEMA billing;
CREATE SCHEMA shipping;
CREATE TABLE billing.customer (id bigint PRIMARY KEY);
CREATE TABLE billing.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL,
  CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES billing.customer (id));
CREATE TABLE shipping.customer (id bigint PRIMARY KEY);
CREATE TABLE shipping.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL,
  CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES shipping.customer (id) ON DELETE RESTRICT);
INSERT INTO billing.customer SELECT g FROM generate_series(1, 4) g;
INSERT INTO billing.orders SELECT g, g % 4 + 1 FROM generate_series(1, 12) g;
INSERT INTO shipping.customer SELECT g FROM generate_series(1, 3) g;
INSERT INTO shipping.orders SELECT g, g % 3 + 1 FROM generate_series(1, 9) g;
