CREATE TYPE order_state AS ENUM ('new', 'sent', 'delivered');
CREATE TABLE orders (id bigint PRIMARY KEY, state order_state NOT NULL);
INSERT INTO orders SELECT g, (ARRAY['new', 'sent', 'delivered']::order_state[])[1 + g % 3] FROM generate_series(1, 12) g;
