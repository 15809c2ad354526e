-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/privilege_cases_test.go ("Grant on partitioned parent table", "Revoke privilege from role")
-- Grants on a partitioned parent are missing on live; a privilege the model revokes from the parent's partition is extra (kept).
DO $$ BEGIN CREATE ROLE reconcile_case_loader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE reading (id bigint NOT NULL, day date NOT NULL, v numeric) PARTITION BY RANGE (day);
CREATE TABLE reading_2024 PARTITION OF reading FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
GRANT SELECT, INSERT ON reading TO reconcile_case_loader;
GRANT SELECT ON reading_2024 TO reconcile_case_loader;
