-- from: stripe/pg-schema-diff trigger case "Trigger on re-created table is re-created" and pgschema add_trigger; a trigger whose UPDATE OF list and WHEN name a column live lacks (column first, then the trigger is replaced).
CREATE TABLE invoice (id bigint PRIMARY KEY, amount numeric NOT NULL, paid_at timestamptz, state text NOT NULL DEFAULT 'open');
CREATE FUNCTION invoice_paid() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.state := 'paid'; RETURN NEW; END $$;
CREATE TRIGGER invoice_paid BEFORE UPDATE OF paid_at ON invoice FOR EACH ROW WHEN (NEW.paid_at IS NOT NULL AND OLD.paid_at IS NULL) EXECUTE FUNCTION invoice_paid();
