CREATE TYPE order_status AS ENUM ('pending', 'paid');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL DEFAULT 'pending', total_cents int NOT NULL);
INSERT INTO orders SELECT g, CASE WHEN g % 2 = 0 THEN 'paid' ELSE 'pending' END::order_status, g * 100 FROM generate_series(1, 10) g;
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));
INSERT INTO refunds VALUES (1, 2), (2, 4);
