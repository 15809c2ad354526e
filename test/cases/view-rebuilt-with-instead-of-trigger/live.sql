CREATE SCHEMA app;
CREATE TABLE app.items (id bigint PRIMARY KEY, name text, price numeric);
CREATE VIEW app.cheap AS SELECT id, name, price FROM app.items WHERE price < 10;
CREATE FUNCTION app.cheap_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO app.items (id, price) VALUES (NEW.id, NEW.price); RETURN NEW; END $$;
CREATE TRIGGER cheap_ins INSTEAD OF INSERT ON app.cheap FOR EACH ROW EXECUTE FUNCTION app.cheap_insert();
INSERT INTO app.items VALUES (1, 'a', 5), (2, 'b', 50);
