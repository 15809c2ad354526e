-- timestamp to timestamptz (metadata only under TimeZone UTC) on a column a view reads and an index covers: the view is dropped and created around the ALTER, the index is rebuilt concurrently.
CREATE TABLE event (id bigint PRIMARY KEY, at timestamptz NOT NULL, kind text NOT NULL);
CREATE INDEX event_at ON event (at);
CREATE VIEW recent_event AS SELECT id, at FROM event WHERE kind = 'login';
