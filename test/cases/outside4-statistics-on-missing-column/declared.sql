-- from: pgschema/pgschema testdata/diff/dependency/table_to_table and PostgreSQL's CREATE STATISTICS; extended statistics over a column that live lacks (the column must be added before the statistics object).
CREATE TABLE address (id bigint PRIMARY KEY, city text NOT NULL, zip text NOT NULL, country text NOT NULL DEFAULT 'NL');
CREATE STATISTICS address_city_zip_country (dependencies, ndistinct) ON city, zip, country FROM address;
