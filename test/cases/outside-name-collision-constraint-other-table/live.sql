CREATE TABLE alpha (id int PRIMARY KEY, code text NOT NULL);
CREATE TABLE beta (id int PRIMARY KEY, code text NOT NULL, CONSTRAINT code_key UNIQUE (code));
INSERT INTO alpha SELECT g, 'a' || g FROM generate_series(1, 10) g;
INSERT INTO beta SELECT g, 'b' || g FROM generate_series(1, 10) g;
