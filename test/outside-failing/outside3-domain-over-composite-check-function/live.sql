CREATE SCHEMA app;
CREATE TABLE app.releases (id bigint PRIMARY KEY, package text NOT NULL);
INSERT INTO app.releases SELECT g, 'pkg' || g FROM generate_series(1, 5) g;
