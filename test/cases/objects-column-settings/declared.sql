-- Per-column settings: statistics target, storage, compression (no rewrite).
CREATE TABLE documents (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, body text, thumbnail bytea);
ALTER TABLE documents ALTER COLUMN tenant_id SET STATISTICS 1000;
ALTER TABLE documents ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE documents ALTER COLUMN thumbnail SET COMPRESSION pglz, ALTER COLUMN thumbnail SET STORAGE MAIN;
-- on a table the plan creates
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
ALTER TABLE events ALTER COLUMN kind SET STATISTICS 500;
-- live has a setting the model leaves at its default: kept
CREATE TABLE notes (id bigint PRIMARY KEY, txt text);
