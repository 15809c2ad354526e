-- from: ariga/atlas internal/integration/testdata/postgres/index-operator-class.txtar (step 2: flip operator classes)
-- Two indexes on a char(10) column swap their operator classes (default and bpchar_pattern_ops).
CREATE TABLE pets (id integer PRIMARY KEY, name char(10) NOT NULL);
CREATE INDEX name_idx1 ON pets (name bpchar_pattern_ops);
CREATE INDEX name_idx2 ON pets (name);
