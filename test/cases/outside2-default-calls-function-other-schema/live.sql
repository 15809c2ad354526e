CREATE SCHEMA util;
CREATE SEQUENCE util.code_seq;
CREATE FUNCTION util.next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'C-' || lpad(nextval('util.code_seq')::text, 6, '0') $$;
CREATE TABLE items (
  id integer PRIMARY KEY,
  code text NOT NULL,
  active boolean NOT NULL
);
INSERT INTO items SELECT g, util.next_code(), g % 2 = 0 FROM generate_series(1, 10) g;
