CREATE TABLE hit (id bigint PRIMARY KEY, path text NOT NULL);
CREATE INDEX hit_path_idx ON hit (path) WITH (fillfactor = 70, deduplicate_items = off);
CREATE INDEX hit_lower_path_idx ON hit (lower(path)) WITH (fillfactor = 80) WHERE id > 10;
