CREATE TABLE measurement (id bigint NOT NULL, taken_at timestamptz NOT NULL);
CREATE TABLE measurement_2026 (CONSTRAINT measurement_2026_taken_at CHECK (taken_at >= '2026-01-01' AND taken_at < '2027-01-01')) INHERITS (measurement);
ALTER TABLE measurement_2026 ADD COLUMN source text;
INSERT INTO measurement VALUES (1, TIMESTAMPTZ '2025-06-01 00:00:00+00');
INSERT INTO measurement_2026 SELECT g, TIMESTAMPTZ '2026-02-01 00:00:00+00' + g * interval '1 day', 'sensor' || g FROM generate_series(1, 8) g;
