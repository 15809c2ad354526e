CREATE TABLE orders (id serial PRIMARY KEY, total numeric NOT NULL);
