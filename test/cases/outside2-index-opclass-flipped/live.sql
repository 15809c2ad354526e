CREATE TABLE pets (id integer PRIMARY KEY, name char(10) NOT NULL);
INSERT INTO pets SELECT g, 'pet' || g FROM generate_series(1, 20) g;
CREATE INDEX name_idx1 ON pets (name);
CREATE INDEX name_idx2 ON pets (name bpchar_pattern_ops);
