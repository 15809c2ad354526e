DO $$ BEGIN CREATE ROLE reconcile_case_loader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE reading (id bigint NOT NULL, day date NOT NULL, v numeric) PARTITION BY RANGE (day);
CREATE TABLE reading_2024 PARTITION OF reading FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
GRANT SELECT, DELETE ON reading_2024 TO reconcile_case_loader;
INSERT INTO reading SELECT g, date '2024-01-01' + g, g FROM generate_series(1, 20) g;
