CREATE TABLE cache_entries (key text PRIMARY KEY, value jsonb NOT NULL, expires_at timestamptz NOT NULL);
INSERT INTO cache_entries SELECT 'k' || g, jsonb_build_object('n', g), now() + g * interval '1 minute' FROM generate_series(1, 25) g;
CREATE UNLOGGED TABLE payments (id bigint PRIMARY KEY, cents bigint NOT NULL);
INSERT INTO payments SELECT g, g * 100 FROM generate_series(1, 10) g;
