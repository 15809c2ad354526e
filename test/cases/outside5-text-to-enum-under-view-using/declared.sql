-- from: Prisma's and Django's "String to enum" migrations (a text status column becomes an enum): PostgreSQL has no assignment cast from text to an enum, so --using gives the conversion; a view reads the column and is created again around the rewrite.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);
CREATE VIEW paid_orders AS SELECT id FROM orders WHERE status = 'paid';
