-- Objects dropped and created keep their comments: a policy whose command changes (ALTER POLICY cannot), a trigger that becomes a constraint trigger, an index rebuilt on other columns, a check with the same name and another expression; a trigger replaced in place (CREATE OR REPLACE) keeps its own without being set again.
CREATE TABLE invoice (id bigint PRIMARY KEY, owner text NOT NULL, total numeric NOT NULL);
ALTER TABLE invoice ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoice_owner ON invoice FOR SELECT USING (owner = current_user);
COMMENT ON POLICY invoice_owner ON invoice IS 'owners read their invoices';
CREATE FUNCTION invoice_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE CONSTRAINT TRIGGER invoice_total_check AFTER INSERT OR UPDATE ON invoice DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION invoice_check();
COMMENT ON TRIGGER invoice_total_check ON invoice IS 'checked at commit';
CREATE TRIGGER invoice_touch BEFORE UPDATE ON invoice FOR EACH ROW WHEN (OLD.total IS DISTINCT FROM NEW.total) EXECUTE FUNCTION invoice_check();
COMMENT ON TRIGGER invoice_touch ON invoice IS 'total changes only';
CREATE INDEX invoice_owner_idx ON invoice (owner, total);
COMMENT ON INDEX invoice_owner_idx IS 'owner lookups';
ALTER TABLE invoice ADD CONSTRAINT invoice_total_positive CHECK (total >= 0);
COMMENT ON CONSTRAINT invoice_total_positive ON invoice IS 'no credit notes here';
