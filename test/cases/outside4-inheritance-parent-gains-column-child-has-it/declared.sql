-- from: djrobstep/migra fixture "inherit" and PostgreSQL's column merging for INHERITS; the parent gains a column that its live child already has as a local column (ADD COLUMN on the parent merges with it; the child's rows keep their values).
CREATE TABLE measurement (id bigint NOT NULL, taken_at timestamptz NOT NULL, source text);
CREATE TABLE measurement_2026 (CONSTRAINT measurement_2026_taken_at CHECK (taken_at >= '2026-01-01' AND taken_at < '2027-01-01')) INHERITS (measurement);
