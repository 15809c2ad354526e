CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(10, 2) NOT NULL, placed_at timestamptz NOT NULL);
INSERT INTO orders SELECT g, 'c' || (g % 9), g * 2.5, '2024-01-01'::timestamptz + g * interval '3 hours' FROM generate_series(1, 80) g;
CREATE MATERIALIZED VIEW per_customer AS SELECT customer, sum(total) AS total, count(*) AS n FROM orders GROUP BY customer;
CREATE MATERIALIZED VIEW daily AS SELECT date_trunc('day', placed_at) AS day, sum(total) AS total FROM orders GROUP BY 1;
CREATE INDEX daily_day ON daily (total);
CREATE INDEX daily_total ON daily (total);
UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'daily_total'::regclass;
-- extra: kept
CREATE INDEX daily_day_total ON daily (day, total);
CREATE MATERIALIZED VIEW weekly AS SELECT date_trunc('week', placed_at) AS week, sum(total) AS total FROM orders GROUP BY 1;
CREATE UNIQUE INDEX weekly_week ON weekly (week);
