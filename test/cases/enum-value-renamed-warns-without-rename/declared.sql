-- The model calls a label 'shipped' where live has 'sent' (same place among the others, which the model lacks).
-- Without --rename the plan adds nothing: once 'shipped' exists, 'sent' could not be renamed to it, and PostgreSQL
-- cannot drop a label; a warning says how to rename it or add it. The second label, added at the end, is planned.
CREATE TYPE order_state AS ENUM ('new', 'shipped', 'delivered', 'returned');
CREATE TABLE orders (id bigint PRIMARY KEY, state order_state NOT NULL);
