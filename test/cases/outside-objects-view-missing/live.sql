CREATE TABLE staff (id int PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true);
INSERT INTO staff SELECT g, 's' || g, g % 2 = 0 FROM generate_series(1, 10) g;
