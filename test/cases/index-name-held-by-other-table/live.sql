-- Index names are per schema: the name the model gives a's index is held by an index on b.
CREATE TABLE a (id integer PRIMARY KEY, x integer);
CREATE TABLE b (id integer PRIMARY KEY, x integer);
CREATE INDEX idx_x ON b (x);
INSERT INTO a SELECT g, g FROM generate_series(1, 10) g;
INSERT INTO b SELECT g, g FROM generate_series(1, 10) g;
