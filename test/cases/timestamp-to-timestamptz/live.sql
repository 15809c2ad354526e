CREATE TABLE calls (id int PRIMARY KEY, started_at timestamp NOT NULL);
INSERT INTO calls VALUES (1, '2026-01-01 10:00'), (2, '2026-06-01 12:30');
