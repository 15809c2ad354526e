CREATE TABLE items (id int PRIMARY KEY, price varchar(20), tags jsonb NOT NULL);
INSERT INTO items VALUES (1, '1.50', '["a", "b"]'), (2, 'n/a', '[]'), (3, '3', '["x"]'), (4, NULL, '[]');
