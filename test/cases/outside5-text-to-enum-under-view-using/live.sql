CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL);
CREATE VIEW paid_orders AS SELECT id FROM orders WHERE status = 'paid';
INSERT INTO orders SELECT g, (ARRAY['new', 'paid', 'shipped'])[1 + g % 3] FROM generate_series(1, 12) g;
