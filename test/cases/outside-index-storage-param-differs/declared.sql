CREATE TABLE hit (id bigint PRIMARY KEY, path text NOT NULL);
CREATE INDEX hit_path_idx ON hit (path) WITH (fillfactor = 70);
