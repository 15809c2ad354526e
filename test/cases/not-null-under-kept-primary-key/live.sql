-- The model has no primary key and a nullable id; the live id is the primary key.
-- DROP NOT NULL alone fails ('column "id" is in a primary key'): the key must go first (hazard drop).
CREATE TABLE events (id integer PRIMARY KEY, payload text);
INSERT INTO events SELECT g, 'p' || g FROM generate_series(1, 10) g;
