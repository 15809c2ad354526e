CREATE TABLE carton (id int PRIMARY KEY);
INSERT INTO carton SELECT generate_series(1, 10);
