CREATE TABLE documents (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, body text, thumbnail bytea);
ALTER TABLE documents ALTER COLUMN tenant_id SET STATISTICS 100;
INSERT INTO documents SELECT g, g % 3, repeat('x', g), NULL FROM generate_series(1, 20) g;
CREATE TABLE notes (id bigint PRIMARY KEY, txt text);
ALTER TABLE notes ALTER COLUMN txt SET STATISTICS 50;
