-- An empty table: a plain ADD CONSTRAINT would fail with 'relation "tags_label_key" already exists'.
CREATE TABLE tags (id integer NOT NULL, label text NOT NULL);
CREATE UNIQUE INDEX tags_label_key ON tags (label);
CREATE UNIQUE INDEX tags_pkey ON tags (id);
