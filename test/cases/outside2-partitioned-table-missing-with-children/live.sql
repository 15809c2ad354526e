CREATE TABLE account (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO account SELECT g, 'acct ' || g FROM generate_series(1, 10) g;
