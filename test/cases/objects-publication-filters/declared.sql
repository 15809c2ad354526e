-- PostgreSQL 15+: row filters, column lists and FOR TABLES IN SCHEMA.
CREATE SCHEMA app;
CREATE SCHEMA reporting;
CREATE TABLE app.orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric NOT NULL, status text NOT NULL, card_last4 text);
CREATE TABLE app.customers (id bigint PRIMARY KEY, email text NOT NULL, "Region" text);
CREATE TABLE reporting.daily (day date PRIMARY KEY, revenue numeric NOT NULL);
-- missing member with a filter and a column list: added with both
CREATE PUBLICATION shop FOR TABLE app.orders (id, customer, total, status) WHERE (status <> 'draft');
-- live publishes every column: dropped from the publication and added with the list, in one step
ALTER PUBLICATION shop ADD TABLE app.customers (id, "Region");
-- missing FOR TABLES IN SCHEMA
CREATE PUBLICATION reports FOR TABLES IN SCHEMA reporting;
