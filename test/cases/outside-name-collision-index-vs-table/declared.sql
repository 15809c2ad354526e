CREATE TABLE rental (id int PRIMARY KEY, car text NOT NULL);
CREATE INDEX rental_car ON rental (car);
