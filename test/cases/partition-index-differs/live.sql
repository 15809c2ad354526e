-- Same index name, other columns, on a partitioned table: DROP INDEX CONCURRENTLY is refused there.
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX events_kind_idx ON events (kind);
INSERT INTO events SELECT g, date '2025-03-01' + (g % 200), 'k' || (g % 5) FROM generate_series(1, 50) g;
