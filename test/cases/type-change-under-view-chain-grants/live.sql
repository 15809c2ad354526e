CREATE TABLE city (id bigint PRIMARY KEY, name varchar(40) NOT NULL, country char(2) NOT NULL);
CREATE VIEW city_names AS SELECT id, name FROM city;
CREATE VIEW city_names_upper AS SELECT id, upper(name) AS name FROM city_names;
GRANT SELECT ON city_names TO PUBLIC;
COMMENT ON VIEW city_names IS 'names only';
COMMENT ON VIEW city_names_upper IS 'shouting';
CREATE VIEW city_short AS SELECT id, name FROM city WHERE length(name) < 10;
INSERT INTO city SELECT g, 'City ' || g, 'NL' FROM generate_series(1, 12) g;
