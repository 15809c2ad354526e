CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES public.users (id), total numeric(12,2) NOT NULL CHECK (total >= 0));
