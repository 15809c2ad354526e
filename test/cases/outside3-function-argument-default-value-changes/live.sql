CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO items SELECT g, 'item' || g FROM generate_series(1, 30) g;
CREATE FUNCTION list_items(search text, page_size int DEFAULT 5) RETURNS SETOF int LANGUAGE sql STABLE AS $$ SELECT id FROM items WHERE name LIKE search || '%' ORDER BY id LIMIT page_size $$;
