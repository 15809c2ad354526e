CREATE SEQUENCE order_no_seq AS integer START WITH 100 INCREMENT BY 10;
CREATE TABLE order_header (no bigint PRIMARY KEY DEFAULT nextval('order_no_seq'), placed_on date NOT NULL);
INSERT INTO order_header (placed_on) SELECT date '2024-01-01' + g FROM generate_series(1, 6) g;
