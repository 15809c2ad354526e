CREATE SCHEMA billing;
CREATE DOMAIN billing.cents AS bigint CHECK (VALUE >= 0);
-- missing: a type on a domain, and a type on that type (created in dependency order), used by a new table and a function
CREATE TYPE billing.money_amount AS (amount billing.cents, currency char(3));
CREATE TYPE billing.line AS (sku text COLLATE "C", price billing.money_amount, qty integer);
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, lines billing.line[] NOT NULL DEFAULT '{}');
CREATE FUNCTION billing.line_total(l billing.line) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT ((l.price).amount * l.qty)::bigint $$;
-- different: attributes missing at the end (ADD ATTRIBUTE)
CREATE TYPE billing.address AS (street text, city text, postcode text, country text);
-- different: an attribute's type changes (drop and create, replace hazard)
CREATE TYPE billing.range_pair AS (low numeric, high numeric);
