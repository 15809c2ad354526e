CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);
CREATE TABLE carton (id int PRIMARY KEY, units positive_int);
