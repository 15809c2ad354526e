-- from: supabase/pg-toolbelt dbdev migrations (extensions, email_address_type); pgschema create_table/add_column_cross_schema_custom_type
-- The citext extension, a domain over it with a regex CHECK, and the column using the domain are all missing on live (the table holds rows).
CREATE SCHEMA app;
CREATE TABLE app.accounts (id bigint PRIMARY KEY, handle text NOT NULL);
CREATE EXTENSION citext;
CREATE DOMAIN app.email_address AS citext CHECK (VALUE ~ '^[a-zA-Z0-9.!#$%&''*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*$');
ALTER TABLE app.accounts ADD COLUMN contact_email app.email_address;
CREATE UNIQUE INDEX accounts_contact_email ON app.accounts (contact_email);
