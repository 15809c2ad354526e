-- from: pgschema/pgschema testdata/diff/create_table/alter_column_types and add_column_generated; a varchar column widened in the model is read by a STORED generated column and a trigger's WHEN on live (PostgreSQL refuses ALTER COLUMN TYPE on a column either uses).
CREATE TABLE person (id bigint PRIMARY KEY, first_name varchar(100) NOT NULL, last_name varchar(100) NOT NULL, full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED);
CREATE FUNCTION person_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER person_name_changed BEFORE UPDATE ON person FOR EACH ROW WHEN (OLD.first_name IS DISTINCT FROM NEW.first_name) EXECUTE FUNCTION person_noop();
