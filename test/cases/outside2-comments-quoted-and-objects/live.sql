CREATE SCHEMA crm;
CREATE TABLE crm."Customer" ("Id" integer PRIMARY KEY, "Full Name" text NOT NULL, email text, CONSTRAINT "Customer_email_check" CHECK (email LIKE '%@%'));
COMMENT ON TABLE crm."Customer" IS 'customers';
CREATE INDEX customer_email_idx ON crm."Customer" (email);
CREATE VIEW crm.customer_names AS SELECT "Id", "Full Name" FROM crm."Customer";
CREATE FUNCTION crm.customer_total() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM crm."Customer" $$;
COMMENT ON COLUMN crm."Customer".email IS 'extra comment, kept';
INSERT INTO crm."Customer" SELECT g, 'Name ' || g, 'c' || g || '@x.org' FROM generate_series(1, 6) g;
