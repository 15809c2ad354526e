CREATE TABLE events (tenant bigint NOT NULL, seq bigint NOT NULL, kind text NOT NULL, payload jsonb);
INSERT INTO events SELECT g % 3, g, 'k' || g, jsonb_build_object('g', g) FROM generate_series(1, 30) g;
