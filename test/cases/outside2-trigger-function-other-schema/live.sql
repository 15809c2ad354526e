CREATE TABLE table1 (id serial PRIMARY KEY);
CREATE TABLE table2 (id serial PRIMARY KEY, t text);
CREATE FUNCTION public.trigger_func() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END; $$;
CREATE TRIGGER trigger_name AFTER INSERT ON table1 FOR EACH ROW EXECUTE FUNCTION public.trigger_func();
INSERT INTO table1 SELECT g FROM generate_series(1, 5) g;
INSERT INTO table2 SELECT g, 't' || g FROM generate_series(1, 5) g;
