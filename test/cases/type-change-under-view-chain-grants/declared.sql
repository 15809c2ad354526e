-- A column widened in the model is read by a view, which another view reads; the first is granted to PUBLIC and commented, the second is commented; a view the model lacks (kept) reads the column too. All are dropped and created again around the type change, in one transaction, with their grants and comments.
CREATE TABLE city (id bigint PRIMARY KEY, name varchar(80) NOT NULL, country char(2) NOT NULL);
CREATE VIEW city_names AS SELECT id, name FROM city;
CREATE VIEW city_names_upper AS SELECT id, upper(name) AS name FROM city_names;
GRANT SELECT ON city_names TO PUBLIC;
COMMENT ON VIEW city_names IS 'names only';
COMMENT ON VIEW city_names_upper IS 'shouting';
