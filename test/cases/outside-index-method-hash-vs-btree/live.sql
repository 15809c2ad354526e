CREATE TABLE shortlink (id int PRIMARY KEY, code text NOT NULL);
INSERT INTO shortlink SELECT g, md5(g::text) FROM generate_series(1, 30) g;
CREATE INDEX shortlink_code_idx ON shortlink (code);
