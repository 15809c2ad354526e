-- The declared primary key's name is held by a UNIQUE constraint on the same column.
CREATE TABLE accounts (id integer NOT NULL, name text, CONSTRAINT accounts_pkey UNIQUE (id));
INSERT INTO accounts SELECT g, 'a' || g FROM generate_series(1, 40) g;
