-- from: pgschema/pgschema testdata/diff/create_trigger/add_trigger_old_table
-- A statement-level AFTER DELETE trigger with a transition table (REFERENCING OLD TABLE) is missing; another is disabled in the model.
CREATE TABLE item (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE item_deleted (id integer, name text, deleted_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION keep_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.item_deleted (id, name) SELECT id, name FROM old_rows;
  RETURN NULL;
END;
$$;
CREATE TRIGGER item_keep_deleted AFTER DELETE ON item REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION keep_deleted();
CREATE TRIGGER item_keep_truncated AFTER TRUNCATE ON item FOR EACH STATEMENT EXECUTE FUNCTION keep_deleted();
ALTER TABLE item DISABLE TRIGGER item_keep_truncated;
