CREATE SCHEMA audit;
CREATE TABLE audit.log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tbl text NOT NULL, mode text NOT NULL, op text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit.log (tbl, mode, op) VALUES (TG_ARGV[0], coalesce(TG_ARGV[1], 'plain'), TG_OP); RETURN NULL; END $$;
CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE ledger (id bigint PRIMARY KEY, account_id bigint NOT NULL, cents bigint NOT NULL);
INSERT INTO accounts SELECT g, 'a' || g || '@x.org' FROM generate_series(1, 5) g;
INSERT INTO ledger SELECT g, (g % 5) + 1, g * 10 FROM generate_series(1, 12) g;
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION audit.record('accounts');
