CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE suppliers (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 12, 2) g;
INSERT INTO suppliers SELECT g, 's' || g FROM generate_series(2, 12, 2) g;
