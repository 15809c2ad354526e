CREATE TABLE accounts (id integer NOT NULL, name text);
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
