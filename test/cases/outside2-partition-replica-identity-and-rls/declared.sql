-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/partitioned_table_cases_test.go ("Alter replica identity of parent and children", "Enable RLS of parent and children")
-- Replica identity FULL and row-level security, set on the partitioned parent and on each partition, are missing on live.
CREATE TABLE ledger (id bigint NOT NULL, book text NOT NULL, amount numeric NOT NULL) PARTITION BY LIST (book);
CREATE TABLE ledger_a PARTITION OF ledger FOR VALUES IN ('a');
CREATE TABLE ledger_b PARTITION OF ledger FOR VALUES IN ('b');
ALTER TABLE ledger REPLICA IDENTITY FULL;
ALTER TABLE ledger_a REPLICA IDENTITY FULL;
ALTER TABLE ledger_b REPLICA IDENTITY FULL;
ALTER TABLE ledger ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_a ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_b ENABLE ROW LEVEL SECURITY;
