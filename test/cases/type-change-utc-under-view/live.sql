CREATE TABLE event (id bigint PRIMARY KEY, at timestamp NOT NULL, kind text NOT NULL);
CREATE INDEX event_at ON event (at);
CREATE VIEW recent_event AS SELECT id, at FROM event WHERE kind = 'login';
INSERT INTO event SELECT g, timestamp '2026-01-01 00:00' + g * interval '1 hour', 'login' FROM generate_series(1, 12) g;
