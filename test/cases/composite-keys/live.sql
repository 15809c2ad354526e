CREATE TABLE orders (tenant int, id int, PRIMARY KEY (tenant, id));
INSERT INTO orders VALUES (1, 1), (1, 2), (2, 1);
CREATE TABLE lines (tenant int NOT NULL, order_id int NOT NULL, n int NOT NULL, PRIMARY KEY (tenant, order_id, n));
INSERT INTO lines VALUES (1, 1, 1), (1, 1, 2), (2, 1, 1);
