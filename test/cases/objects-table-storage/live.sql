CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb);
INSERT INTO events SELECT g, jsonb_build_object('g', g) FROM generate_series(1, 30) g;
CREATE TABLE sessions (id uuid PRIMARY KEY, data text) WITH (autovacuum_enabled = true, fillfactor = 90);
CREATE TABLE logs (id bigint PRIMARY KEY, line text) WITH (autovacuum_vacuum_insert_threshold = 5000);
