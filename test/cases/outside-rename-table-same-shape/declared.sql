CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL UNIQUE);
