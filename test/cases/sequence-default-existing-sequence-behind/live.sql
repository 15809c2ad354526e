CREATE SEQUENCE order_number_seq;
SELECT setval('order_number_seq', 3);
CREATE TABLE orders (id bigint PRIMARY KEY, note text);
INSERT INTO orders SELECT g, 'o' || g FROM generate_series(1, 20) g;
CREATE SEQUENCE ticket_seq START 500;
CREATE TABLE tickets (id integer PRIMARY KEY, note text);
INSERT INTO tickets SELECT g, 't' || g FROM generate_series(1, 20) g;
