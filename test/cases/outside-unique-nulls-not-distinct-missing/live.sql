CREATE TABLE handle (id int PRIMARY KEY, realm text, nick text NOT NULL);
INSERT INTO handle SELECT g, CASE WHEN g % 2 = 0 THEN 'r' END, 'n' || g FROM generate_series(1, 30) g;
