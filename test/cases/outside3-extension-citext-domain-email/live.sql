CREATE SCHEMA app;
CREATE TABLE app.accounts (id bigint PRIMARY KEY, handle text NOT NULL);
INSERT INTO app.accounts SELECT g, 'h' || g FROM generate_series(1, 8) g;
