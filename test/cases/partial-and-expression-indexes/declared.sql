CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
CREATE UNIQUE INDEX users_email_active ON users (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX users_deleted ON users (deleted_at DESC NULLS LAST) WHERE deleted_at IS NOT NULL;
