-- from: supa_audit-style generic audit triggers (one function, table name passed as an argument); stripe/pg-schema-diff "Change trigger function and keep old function"
-- Trigger arguments differ on live ('accounts' only), and a statement-level AFTER TRUNCATE trigger with quoted arguments is missing.
CREATE SCHEMA audit;
CREATE TABLE audit.log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tbl text NOT NULL, mode text NOT NULL, op text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit.log (tbl, mode, op) VALUES (TG_ARGV[0], coalesce(TG_ARGV[1], 'plain'), TG_OP); RETURN NULL; END $$;
CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE ledger (id bigint PRIMARY KEY, account_id bigint NOT NULL, cents bigint NOT NULL);
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION audit.record('accounts', 'strict');
CREATE TRIGGER ledger_truncate AFTER TRUNCATE ON ledger FOR EACH STATEMENT EXECUTE FUNCTION audit.record('ledger', 'it''s gone');
