-- from: pgschema/pgschema testdata/diff/comment/column_comment_quoted_identifier, add_index_comment, add_view_comment, add_function_comment, alter_table_comment
-- Comments on a quoted column, an index, a view, a function, a constraint and a schema: missing on live, one differs, one extra on live (kept).
CREATE SCHEMA crm;
COMMENT ON SCHEMA crm IS 'customer data';
CREATE TABLE crm."Customer" ("Id" integer PRIMARY KEY, "Full Name" text NOT NULL, email text, CONSTRAINT "Customer_email_check" CHECK (email LIKE '%@%'));
COMMENT ON TABLE crm."Customer" IS 'one row per customer';
COMMENT ON COLUMN crm."Customer"."Full Name" IS 'as printed on invoices';
CREATE INDEX customer_email_idx ON crm."Customer" (email);
COMMENT ON INDEX crm.customer_email_idx IS 'lookup by email';
COMMENT ON CONSTRAINT "Customer_email_check" ON crm."Customer" IS 'very loose';
CREATE VIEW crm.customer_names AS SELECT "Id", "Full Name" FROM crm."Customer";
COMMENT ON VIEW crm.customer_names IS 'names only';
CREATE FUNCTION crm.customer_total() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM crm."Customer" $$;
COMMENT ON FUNCTION crm.customer_total() IS 'how many customers';
