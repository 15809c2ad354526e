CREATE TABLE items (id int PRIMARY KEY, price varchar(20));
INSERT INTO items VALUES (1, '1.50'), (2, 'n/a'), (3, '3'), (4, NULL);
