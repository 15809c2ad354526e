CREATE TABLE orders (id uuid PRIMARY KEY, placed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE order_lines (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id), sku text NOT NULL);
INSERT INTO orders (id) SELECT ('00000000-0000-4000-8000-0000000000' || lpad(g::text, 2, '0'))::uuid FROM generate_series(1, 3) g;
INSERT INTO order_lines SELECT ('10000000-0000-4000-8000-0000000000' || lpad(g::text, 2, '0'))::uuid, ('00000000-0000-4000-8000-0000000000' || lpad(((g % 3) + 1)::text, 2, '0'))::uuid, 'sku' || g FROM generate_series(1, 6) g;
