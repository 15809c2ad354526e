-- from: pgschema/pgschema testdata/diff/create_function/issue_326_param_name_change and issue_326_param_type_change
-- A parameter is renamed (CREATE OR REPLACE cannot: drop and create); another function's parameter type changes (a new overload; the old one is kept).
CREATE FUNCTION greet(person_name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'hello ' || person_name $$;
CREATE FUNCTION double_it(n bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT n * 2 $$;
CREATE TABLE greeting (id integer PRIMARY KEY, who text NOT NULL);
