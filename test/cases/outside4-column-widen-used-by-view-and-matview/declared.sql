-- from: djrobstep/migra fixture "dependencies" and stripe/pg-schema-diff materialized view cases; a varchar column widened in the model is read by a view and by a materialized view with an index (PostgreSQL refuses ALTER COLUMN TYPE on a column a view or rule uses).
CREATE TABLE customer (id bigint PRIMARY KEY, country_code varchar(3) NOT NULL, name text NOT NULL);
CREATE VIEW customer_countries AS SELECT DISTINCT country_code FROM customer;
CREATE MATERIALIZED VIEW customer_per_country AS SELECT country_code, count(*) AS n FROM customer GROUP BY country_code;
CREATE UNIQUE INDEX customer_per_country_code ON customer_per_country (country_code);
