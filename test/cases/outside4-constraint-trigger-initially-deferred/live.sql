CREATE TABLE ledger_entry (id bigint PRIMARY KEY, batch bigint NOT NULL, cents bigint NOT NULL);
CREATE FUNCTION check_batch_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT coalesce(sum(cents), 0) FROM ledger_entry WHERE batch = NEW.batch) <> 0 THEN
    RAISE EXCEPTION 'batch % is not balanced', NEW.batch;
  END IF;
  RETURN NULL;
END $$;
INSERT INTO ledger_entry SELECT g, (g + 1) / 2, CASE WHEN g % 2 = 1 THEN 100 * g ELSE -100 * (g - 1) END FROM generate_series(1, 10) g;
CREATE CONSTRAINT TRIGGER ledger_balanced AFTER INSERT OR UPDATE ON ledger_entry FOR EACH ROW EXECUTE FUNCTION check_batch_balanced();
