-- from: category-tree migrations using ltree (path column, GiST index, depth limited by a CHECK calling nlevel)
-- ltree, the path column (with a default), a CHECK calling an extension function and a GiST index are missing on a table with rows.
CREATE TABLE categories (id int PRIMARY KEY, label text NOT NULL);
CREATE EXTENSION ltree;
ALTER TABLE categories ADD COLUMN path ltree NOT NULL DEFAULT 'root';
ALTER TABLE categories ADD CONSTRAINT categories_path_depth CHECK (nlevel(path) <= 6);
CREATE INDEX categories_path ON categories USING gist (path);
