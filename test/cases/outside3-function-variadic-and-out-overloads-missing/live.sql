CREATE TABLE tags (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO tags SELECT g, 'tag' || g FROM generate_series(1, 9) g;
CREATE FUNCTION tag_ids(prefix text, max_count int DEFAULT 10) RETURNS int[] LANGUAGE sql STABLE AS $$ SELECT (array_agg(id ORDER BY id))[1:max_count] FROM tags WHERE name LIKE prefix || '%' $$;
