CREATE TABLE customer (id bigint PRIMARY KEY, country_code varchar(2) NOT NULL, name text NOT NULL);
INSERT INTO customer SELECT g, (ARRAY['NL', 'DE', 'FR'])[1 + g % 3], 'c' || g FROM generate_series(1, 15) g;
CREATE VIEW customer_countries AS SELECT DISTINCT country_code FROM customer;
CREATE MATERIALIZED VIEW customer_per_country AS SELECT country_code, count(*) AS n FROM customer GROUP BY country_code;
CREATE UNIQUE INDEX customer_per_country_code ON customer_per_country (country_code);
