-- from: pgschema dependency/table_to_view and privilege cases; stripe/pg-schema-diff view "alter - removing select column"
-- A view loses a column (CREATE OR REPLACE cannot): it is dropped and created again (replace hazard, allowed), with a view on it;
-- the grants and the comments both carry must be there afterwards.
DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE invoices (id bigint PRIMARY KEY, customer text NOT NULL, cents bigint NOT NULL, issued_on date NOT NULL);
CREATE VIEW invoice_summary AS SELECT id, customer, cents / 100.0 AS amount FROM invoices;
CREATE VIEW big_invoices AS SELECT id, customer FROM invoice_summary WHERE amount > 50;
GRANT SELECT ON invoice_summary TO reconcile_case_authenticated;
GRANT SELECT ON big_invoices TO reconcile_case_anon;
COMMENT ON VIEW invoice_summary IS 'amounts in currency units';
COMMENT ON COLUMN invoice_summary.amount IS 'cents / 100';
