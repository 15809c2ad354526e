CREATE TABLE staff (id int PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW active_staff AS SELECT id, name FROM staff WHERE active;
