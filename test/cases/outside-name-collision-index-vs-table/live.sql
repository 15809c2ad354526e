CREATE TABLE rental (id int PRIMARY KEY, car text NOT NULL);
CREATE TABLE rental_car (id int);
INSERT INTO rental SELECT g, 'car' || g FROM generate_series(1, 20) g;
INSERT INTO rental_car VALUES (1);
