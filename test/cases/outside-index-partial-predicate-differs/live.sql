CREATE TABLE job (id int PRIMARY KEY, state text NOT NULL, run_at timestamptz);
INSERT INTO job SELECT g, (ARRAY['queued','retry','done'])[g % 3 + 1], now() FROM generate_series(1, 45) g;
CREATE INDEX job_pending_idx ON job (run_at) WHERE state = 'queued';
