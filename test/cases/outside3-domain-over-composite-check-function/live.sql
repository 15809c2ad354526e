CREATE SCHEMA app;
-- No rows: the declared domain's CHECK rejects NULL (is_valid(NULL) is false), so PostgreSQL
-- itself cannot add the column to a table with rows (see test/outside-failing/README.md, "Known").
-- What this case checks is the order: composite type, the function taking it, the domain, the column.
CREATE TABLE app.releases (id bigint PRIMARY KEY, package text NOT NULL);
CREATE TABLE app.downloads (id bigint PRIMARY KEY, release_id bigint NOT NULL);
INSERT INTO app.downloads SELECT g, g FROM generate_series(1, 5) g;
