CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(10, 2) NOT NULL, placed_at timestamptz NOT NULL DEFAULT now());
INSERT INTO orders SELECT g, 'c' || (g % 7), g * 3.5, '2024-01-01'::timestamptz + g * interval '1 hour' FROM generate_series(1, 60) g;
CREATE FUNCTION with_tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT round(amount * 1.2, 2) $$;
CREATE VIEW customers AS SELECT DISTINCT customer FROM orders;
CREATE VIEW order_ids AS SELECT id FROM orders;
CREATE MATERIALIZED VIEW per_customer AS SELECT customer, sum(total) AS total FROM orders GROUP BY customer WITH NO DATA;
-- extra: kept
CREATE VIEW legacy_report AS SELECT count(*) AS n FROM orders;
