CREATE TABLE customer (id int PRIMARY KEY, name text NOT NULL);
CREATE SCHEMA billing;
CREATE TABLE billing.charge (id bigint PRIMARY KEY, customer_id int NOT NULL REFERENCES public.customer (id), cents int NOT NULL CHECK (cents >= 0));
CREATE INDEX charge_customer_idx ON billing.charge (customer_id);
