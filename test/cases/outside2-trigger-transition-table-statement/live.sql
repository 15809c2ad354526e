CREATE TABLE item (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE item_deleted (id integer, name text, deleted_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION keep_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.item_deleted (id, name) SELECT id, name FROM old_rows;
  RETURN NULL;
END;
$$;
CREATE TRIGGER item_keep_truncated AFTER TRUNCATE ON item FOR EACH STATEMENT EXECUTE FUNCTION keep_deleted();
INSERT INTO item SELECT g, 'item' || g FROM generate_series(1, 10) g;
INSERT INTO item_deleted (id, name, deleted_at) VALUES (0, 'gone', '2024-01-01');
