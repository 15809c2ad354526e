CREATE TABLE calls (id int PRIMARY KEY, started_at timestamp NOT NULL, ended_at timestamp);
CREATE INDEX calls_started_at ON calls (started_at);
CREATE INDEX calls_ended_recent ON calls (ended_at DESC) WHERE ended_at IS NOT NULL;
INSERT INTO calls VALUES (1, '2026-01-01 10:00', '2026-01-01 10:05'), (2, '2026-06-01 12:30', NULL);
