CREATE TABLE a (id integer PRIMARY KEY, x integer);
CREATE TABLE b (id integer PRIMARY KEY, x integer);
CREATE INDEX idx_x ON a (x);
CREATE INDEX b_x_idx ON b (x);
