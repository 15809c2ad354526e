CREATE TABLE some_foo (id integer PRIMARY KEY, version integer NOT NULL DEFAULT 0);
CREATE FUNCTION check_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version <= OLD.version THEN
    RAISE EXCEPTION 'New version must be greater';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER some_trigger BEFORE UPDATE ON some_foo
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION check_version();
INSERT INTO some_foo SELECT g, 1 FROM generate_series(1, 6) g;
