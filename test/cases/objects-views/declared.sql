CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(10, 2) NOT NULL, placed_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION with_tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT round(amount * 1.2, 2) $$;
-- missing: a chain (a view on a view on a function), created in dependency order
CREATE VIEW order_totals AS SELECT id, customer, with_tax(total) AS gross FROM orders;
CREATE VIEW big_orders WITH (security_barrier = true) AS SELECT id, customer, gross FROM order_totals WHERE gross > 100;
-- missing: a view with a check option
CREATE VIEW recent_orders AS SELECT id, customer, total, placed_at FROM orders WHERE placed_at > '2020-01-01' WITH LOCAL CHECK OPTION;
-- different, compatible: a column added at the end (CREATE OR REPLACE VIEW)
CREATE VIEW customers AS SELECT DISTINCT customer, count(*) OVER (PARTITION BY customer) AS orders FROM orders;
-- different, incompatible: a column's type changes (drop and create, replace hazard)
CREATE VIEW order_ids AS SELECT id::text AS id FROM orders;
-- missing: a materialized view, populated as declared
CREATE MATERIALIZED VIEW daily AS SELECT date_trunc('day', placed_at) AS day, sum(total) AS total FROM orders GROUP BY 1;
-- live was created WITH NO DATA: refreshed (refresh hazard)
CREATE MATERIALIZED VIEW per_customer AS SELECT customer, sum(total) AS total FROM orders GROUP BY customer;
