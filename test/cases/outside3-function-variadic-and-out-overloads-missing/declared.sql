-- from: pgschema create_function/alter_function_different_signature and issue_326 cases; stripe/pg-schema-diff function cases
-- Overloads told apart by argument types: beside an existing tag_ids(text, int), a VARIADIC tag_ids(text[]) is missing,
-- and so is a function with only OUT parameters (its identity has no arguments).
CREATE TABLE tags (id int PRIMARY KEY, name text NOT NULL);
CREATE FUNCTION tag_ids(VARIADIC names text[]) RETURNS int[] LANGUAGE sql STABLE AS $$ SELECT array_agg(id ORDER BY id) FROM tags WHERE name = ANY(names) $$;
CREATE FUNCTION tag_ids(prefix text, max_count int DEFAULT 10) RETURNS int[] LANGUAGE sql STABLE AS $$ SELECT (array_agg(id ORDER BY id))[1:max_count] FROM tags WHERE name LIKE prefix || '%' $$;
CREATE FUNCTION tag_stats(OUT total bigint, OUT longest text) LANGUAGE sql STABLE AS $$ SELECT count(*), max(name) FROM tags $$;
