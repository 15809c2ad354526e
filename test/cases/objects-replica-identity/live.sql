CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
INSERT INTO events SELECT g, 'k' || g FROM generate_series(1, 30) g;
CREATE TABLE accounts (id bigint NOT NULL, email text NOT NULL);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
ALTER TABLE accounts REPLICA IDENTITY FULL;
INSERT INTO accounts SELECT g, 'a' || g || '@x.org' FROM generate_series(1, 30) g;
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
ALTER TABLE notes REPLICA IDENTITY NOTHING;
