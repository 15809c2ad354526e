-- from: pgschema/pgschema testdata/diff/create_table/issue_283_function_default_schema_qualifier
-- Column defaults that call a function living in another schema are missing on live.
CREATE SCHEMA util;
CREATE SEQUENCE util.code_seq;
CREATE FUNCTION util.next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'C-' || lpad(nextval('util.code_seq')::text, 6, '0') $$;
CREATE TABLE items (
  id integer PRIMARY KEY,
  code text NOT NULL DEFAULT util.next_code(),
  active boolean NOT NULL DEFAULT true
);
