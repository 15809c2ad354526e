CREATE TABLE orders (id int PRIMARY KEY, note text, code varchar(20), amount numeric(12,2), total numeric(12,2));
CREATE INDEX orders_note ON orders (note);
INSERT INTO orders VALUES (1, 'first', 'A-1', 10.50, 10.50), (2, NULL, 'B-2', 3, 3);
