-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/trigger_cases_test.go ("alter - non-constraint trigger to constraint trigger")
-- Live has a plain BEFORE trigger; the model has a deferrable constraint trigger of the same name and WHEN clause.
CREATE TABLE some_foo (id integer PRIMARY KEY, version integer NOT NULL DEFAULT 0);
CREATE FUNCTION check_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version <= OLD.version THEN
    RAISE EXCEPTION 'New version must be greater';
  END IF;
  RETURN NEW;
END;
$$;
CREATE CONSTRAINT TRIGGER some_trigger AFTER UPDATE ON some_foo DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION check_version();
