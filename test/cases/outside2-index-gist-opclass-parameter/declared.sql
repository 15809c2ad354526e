-- from: ariga/atlas internal/integration/testdata/postgres/index-operator-class.txtar (steps 4-5: tsvector_ops(siglen=...))
-- A GiST index with an operator-class parameter (siglen) has another value on live: rebuilt; a second one is missing.
CREATE TABLE doc (id integer PRIMARY KEY, body text NOT NULL, tsv tsvector NOT NULL);
CREATE INDEX doc_tsv_idx ON doc USING gist (tsv tsvector_ops (siglen = 9));
CREATE INDEX doc_tsv_small_idx ON doc USING gist (tsv tsvector_ops (siglen = 4)) WHERE id > 10;
