-- Storage parameters of tables: set in place (no rewrite, SHARE UPDATE EXCLUSIVE).
-- missing on a table holding rows
CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01);
-- live has another value and one the model lacks: set and reset
CREATE TABLE sessions (id uuid PRIMARY KEY, data text) WITH (autovacuum_enabled = false, toast.autovacuum_enabled = false);
-- missing on a table the plan creates
CREATE TABLE hot_counters (name text PRIMARY KEY, n bigint NOT NULL DEFAULT 0) WITH (fillfactor = 50);
-- live has parameters the model lacks: kept
CREATE TABLE logs (id bigint PRIMARY KEY, line text);
