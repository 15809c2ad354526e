-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/foreign_key_constraint_cases_test.go ("Add FK on partitioned")
-- A foreign key declared on a partitioned table (inherited by its partitions) is missing on live.
CREATE TABLE merchant (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE payment (
  id bigint NOT NULL,
  merchant_id bigint NOT NULL,
  paid_on date NOT NULL,
  PRIMARY KEY (id, paid_on),
  CONSTRAINT payment_merchant_fkey FOREIGN KEY (merchant_id) REFERENCES merchant (id)
) PARTITION BY RANGE (paid_on);
CREATE TABLE payment_2024 PARTITION OF payment FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE payment_2025 PARTITION OF payment FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
