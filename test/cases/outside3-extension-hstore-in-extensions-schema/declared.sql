-- from: Supabase's convention of installing extensions into an "extensions" schema; stripe/pg-schema-diff extensions "create multiple extensions"
-- hstore is installed into the extensions schema; a column of type extensions.hstore and a GIN index on it are missing (rows present: concurrent build).
CREATE SCHEMA extensions;
CREATE TABLE devices (id bigint PRIMARY KEY, serial text NOT NULL);
CREATE EXTENSION hstore SCHEMA extensions;
ALTER TABLE devices ADD COLUMN attrs extensions.hstore NOT NULL DEFAULT ''::extensions.hstore;
CREATE INDEX devices_attrs ON devices USING gin (attrs);
