-- Range types (missing, used by a missing table's columns; one whose collation differs; one naming a
-- difference function), extended statistics (missing, other kinds, a target) and rewrite rules
-- (missing, another WHERE, disabled; an extra live rule is kept and shown).
CREATE SCHEMA app;
CREATE TYPE app.price_range AS RANGE (SUBTYPE = numeric);
CREATE FUNCTION app.time_diff(a time, b time) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT EXTRACT(EPOCH FROM (a - b)) $$;
CREATE TYPE app.timerange AS RANGE (SUBTYPE = time, SUBTYPE_DIFF = app.time_diff);
CREATE TYPE app.text_range AS RANGE (SUBTYPE = text, COLLATION = "C");
CREATE TABLE app.orders (id bigint PRIMARY KEY, city text, zip text, total numeric, created date);
CREATE TABLE app.offers (id bigint PRIMARY KEY, price app.price_range, opening app.timerange);
CREATE TABLE app.orders_log (id bigint, note text);
CREATE STATISTICS app.orders_city_zip (dependencies, ndistinct) ON city, zip FROM app.orders;
CREATE STATISTICS app.orders_expr ON (total * 2), created FROM app.orders;
ALTER STATISTICS app.orders_expr SET STATISTICS 500;
CREATE STATISTICS app.orders_mcv (mcv) ON city, created FROM app.orders;
CREATE RULE orders_no_delete AS ON DELETE TO app.orders DO INSTEAD NOTHING;
CREATE RULE orders_log_insert AS ON INSERT TO app.orders WHERE new.total > 100 DO ALSO INSERT INTO app.orders_log (id, note) VALUES (new.id, 'big');
CREATE RULE orders_log_update AS ON UPDATE TO app.orders DO ALSO INSERT INTO app.orders_log (id, note) VALUES (new.id, 'updated');
ALTER TABLE app.orders DISABLE RULE orders_log_update;
-- A rule on a view whose columns change: dropped with the view, created again after it.
CREATE VIEW app.cheap AS SELECT id, total FROM app.orders WHERE total < 50;
CREATE RULE cheap_no_delete AS ON DELETE TO app.cheap DO INSTEAD NOTHING;
