CREATE SCHEMA api;
CREATE TABLE account (id integer PRIMARY KEY, name text NOT NULL, balance numeric NOT NULL DEFAULT 0);
INSERT INTO account SELECT g, 'acct' || g, g * 100 FROM generate_series(1, 8) g;
