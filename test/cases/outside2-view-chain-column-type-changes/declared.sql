-- from: pgschema/pgschema testdata/diff/dependency/issue_300_view_depends_on_view
-- A view's column changes type (timestamptz -> date) under a view built on it: both are dropped and created.
CREATE TABLE sale (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL, sold_at timestamptz NOT NULL);
CREATE VIEW sale_day AS SELECT id, amount, (sold_at AT TIME ZONE 'UTC')::date AS day FROM sale;
CREATE VIEW sale_day_total AS SELECT day, sum(amount) AS total FROM sale_day GROUP BY day;
