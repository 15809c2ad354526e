CREATE SCHEMA app;
CREATE TABLE app.items (id bigint PRIMARY KEY);
INSERT INTO app.items SELECT g FROM generate_series(1, 5) g;
