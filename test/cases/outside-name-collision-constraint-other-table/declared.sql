CREATE TABLE alpha (id int PRIMARY KEY, code text NOT NULL, CONSTRAINT code_key UNIQUE (code));
CREATE TABLE beta (id int PRIMARY KEY, code text NOT NULL);
