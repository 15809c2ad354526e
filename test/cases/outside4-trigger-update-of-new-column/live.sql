CREATE TABLE invoice (id bigint PRIMARY KEY, amount numeric NOT NULL, state text NOT NULL DEFAULT 'open');
CREATE FUNCTION invoice_paid() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.state := 'paid'; RETURN NEW; END $$;
CREATE TRIGGER invoice_paid BEFORE UPDATE OF state ON invoice FOR EACH ROW EXECUTE FUNCTION invoice_paid();
INSERT INTO invoice (id, amount) SELECT g, g * 10 FROM generate_series(1, 10) g;
