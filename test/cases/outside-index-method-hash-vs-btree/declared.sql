CREATE TABLE shortlink (id int PRIMARY KEY, code text NOT NULL);
CREATE INDEX shortlink_code_idx ON shortlink USING hash (code);
