DO $$ BEGIN CREATE ROLE reconcile_case_seq_user NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA ops;
CREATE SEQUENCE ops.batch_no START 1000;
CREATE TABLE ops.batch (no bigint PRIMARY KEY DEFAULT nextval('ops.batch_no'), started_at timestamptz NOT NULL DEFAULT now());
GRANT USAGE ON SEQUENCE ops.batch_no TO reconcile_case_seq_user;
GRANT USAGE ON SCHEMA ops TO reconcile_case_seq_user;
INSERT INTO ops.batch (started_at) SELECT timestamptz '2024-02-01' + g * interval '1 hour' FROM generate_series(1, 5) g;
