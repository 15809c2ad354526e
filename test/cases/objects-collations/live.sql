CREATE SCHEMA app;
CREATE COLLATION app.loose (provider = icu, locale = 'und-u-ks-level1');
CREATE TABLE app.tags (id bigint PRIMARY KEY, label text);
INSERT INTO app.tags VALUES (1, 'a');
