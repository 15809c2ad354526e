CREATE TABLE hit (id bigint PRIMARY KEY, path text NOT NULL);
INSERT INTO hit SELECT g, '/p/' || g FROM generate_series(1, 40) g;
CREATE INDEX hit_path_idx ON hit (path) WITH (fillfactor = 70, deduplicate_items = off);
CREATE INDEX hit_id_path_idx ON hit USING hash (path) WITH (fillfactor = 50);
