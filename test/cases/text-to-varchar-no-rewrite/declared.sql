CREATE TABLE orders (id int PRIMARY KEY, note varchar, code varchar(40), amount numeric(14,2), total numeric);
CREATE INDEX orders_note ON orders (note);
