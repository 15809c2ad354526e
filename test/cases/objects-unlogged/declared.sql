-- missing on a table holding rows: SET UNLOGGED rewrites it (rewrite hazard, allowed here)
CREATE UNLOGGED TABLE cache_entries (key text PRIMARY KEY, value jsonb NOT NULL, expires_at timestamptz NOT NULL);
-- missing on a table the plan creates: no hazard; before the foreign key from another unlogged table
CREATE UNLOGGED TABLE sessions (id uuid PRIMARY KEY, data text);
CREATE UNLOGGED TABLE session_events (id bigint PRIMARY KEY, session_id uuid NOT NULL REFERENCES sessions (id), at timestamptz NOT NULL);
-- logged in the model, unlogged live: kept, with a warning (not durable)
CREATE TABLE payments (id bigint PRIMARY KEY, cents bigint NOT NULL);
