CREATE TABLE nodes (id int PRIMARY KEY, parent_id int);
INSERT INTO nodes VALUES (1, NULL), (2, 1), (3, 1), (4, 2);
