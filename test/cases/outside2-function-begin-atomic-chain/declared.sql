-- from: pgschema/pgschema testdata/diff/dependency/sql_function_body_reference and function_to_function
-- SQL-standard bodies (BEGIN ATOMIC) bind to a table and to another function: all missing, created in dependency order.
CREATE TABLE price (sku text PRIMARY KEY, cents integer NOT NULL);
CREATE FUNCTION cents_to_eur(c integer) RETURNS numeric LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
  SELECT round(c / 100.0, 2);
END;
CREATE FUNCTION price_eur(p_sku text) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT cents_to_eur(cents) FROM price WHERE sku = p_sku;
END;
