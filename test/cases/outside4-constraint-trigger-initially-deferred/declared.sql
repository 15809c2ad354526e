-- from: stripe/pg-schema-diff trigger case "alter - constraint trigger"; a constraint trigger is DEFERRABLE INITIALLY DEFERRED in the model and NOT DEFERRABLE on live (ALTER TRIGGER cannot change that).
CREATE TABLE ledger_entry (id bigint PRIMARY KEY, batch bigint NOT NULL, cents bigint NOT NULL);
CREATE FUNCTION check_batch_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT coalesce(sum(cents), 0) FROM ledger_entry WHERE batch = NEW.batch) <> 0 THEN
    RAISE EXCEPTION 'batch % is not balanced', NEW.batch;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_balanced AFTER INSERT OR UPDATE ON ledger_entry DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_batch_balanced();
