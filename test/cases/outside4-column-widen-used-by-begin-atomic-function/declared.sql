-- from: pgschema/pgschema testdata/diff/dependency/sql_function_body_reference; a SQL-standard function body (BEGIN ATOMIC, PostgreSQL 14) reads a varchar column that the model widens (PostgreSQL refuses ALTER COLUMN TYPE on a column such a body uses).
CREATE TABLE product (id bigint PRIMARY KEY, sku varchar(32) NOT NULL, name text NOT NULL);
CREATE FUNCTION product_sku(p bigint) RETURNS text LANGUAGE sql STABLE BEGIN ATOMIC SELECT sku FROM product WHERE id = p; END;
