CREATE TABLE city (id int PRIMARY KEY, name text NOT NULL);
CREATE INDEX city_name_c_idx ON city (name COLLATE "C");
