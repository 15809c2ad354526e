CREATE SCHEMA fin;
CREATE TABLE invoice (id integer PRIMARY KEY, total numeric NOT NULL);
INSERT INTO invoice SELECT g, g * 10.5 - 30 FROM generate_series(1, 10) g;
