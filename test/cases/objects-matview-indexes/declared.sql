CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(10, 2) NOT NULL, placed_at timestamptz NOT NULL);
CREATE MATERIALIZED VIEW per_customer AS SELECT customer, sum(total) AS total, count(*) AS n FROM orders GROUP BY customer;
-- missing: the unique index REFRESH ... CONCURRENTLY needs, and a partial one
CREATE UNIQUE INDEX per_customer_customer ON per_customer (customer);
CREATE INDEX per_customer_big ON per_customer (total DESC) WHERE n > 5;
CREATE MATERIALIZED VIEW daily AS SELECT date_trunc('day', placed_at) AS day, sum(total) AS total FROM orders GROUP BY 1;
-- different: live indexes another column (rebuilt under replace-index)
CREATE INDEX daily_day ON daily (day);
-- invalid live (a failed concurrent build): rebuilt
CREATE INDEX daily_total ON daily (total);
-- replaced (its query changes; a materialized view has no CREATE OR REPLACE): its index is built again after it
CREATE MATERIALIZED VIEW weekly AS SELECT date_trunc('week', placed_at) AS week, count(*) AS n FROM orders GROUP BY 1;
CREATE UNIQUE INDEX weekly_week ON weekly (week);
