CREATE TABLE person (id bigint PRIMARY KEY, first_name varchar(50) NOT NULL, last_name varchar(100) NOT NULL, full_name text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED);
CREATE FUNCTION person_noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER person_name_changed BEFORE UPDATE ON person FOR EACH ROW WHEN (OLD.first_name IS DISTINCT FROM NEW.first_name) EXECUTE FUNCTION person_noop();
INSERT INTO person (id, first_name, last_name) SELECT g, 'First' || g, 'Last' || g FROM generate_series(1, 10) g;
