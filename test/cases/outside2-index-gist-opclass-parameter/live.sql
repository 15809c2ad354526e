CREATE TABLE doc (id integer PRIMARY KEY, body text NOT NULL, tsv tsvector NOT NULL);
INSERT INTO doc SELECT g, 'word' || g || ' other', to_tsvector('simple', 'word' || g || ' other') FROM generate_series(1, 30) g;
CREATE INDEX doc_tsv_idx ON doc USING gist (tsv tsvector_ops (siglen = 8));
