CREATE TABLE job (id int PRIMARY KEY, state text NOT NULL, run_at timestamptz);
CREATE INDEX job_pending_idx ON job (run_at) WHERE state IN ('queued', 'retry');
