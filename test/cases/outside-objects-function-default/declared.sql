CREATE FUNCTION next_ref() RETURNS text LANGUAGE sql AS $$ SELECT 'REF-' || md5(random()::text) $$;
CREATE TABLE shipment (id int PRIMARY KEY, ref text NOT NULL DEFAULT next_ref());
