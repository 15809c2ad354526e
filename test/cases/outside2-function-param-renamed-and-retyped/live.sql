CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'hello ' || name $$;
CREATE FUNCTION double_it(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT n * 2 $$;
CREATE TABLE greeting (id integer PRIMARY KEY, who text NOT NULL);
INSERT INTO greeting SELECT g, 'p' || g FROM generate_series(1, 5) g;
