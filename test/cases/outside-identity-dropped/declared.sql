CREATE TABLE gadget (id int PRIMARY KEY, name text NOT NULL);
