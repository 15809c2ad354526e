CREATE TABLE hit (id bigint PRIMARY KEY, path text NOT NULL);
CREATE INDEX hit_path_idx ON hit (path) WITH (fillfactor = 60);
CREATE INDEX hit_id_path_idx ON hit USING hash (path);
