CREATE TABLE sale (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL, sold_at timestamptz NOT NULL);
INSERT INTO sale SELECT g, g * 2.5, timestamptz '2024-05-01 00:00+00' + g * interval '5 hours' FROM generate_series(1, 30) g;
CREATE VIEW sale_day AS SELECT id, amount, date_trunc('day', sold_at) AS day FROM sale;
CREATE VIEW sale_day_total AS SELECT day, sum(amount) AS total FROM sale_day GROUP BY day;
