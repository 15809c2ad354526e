-- from: Django/Prisma migrations that add an enum value and start using it at once (pgschema create_type/add_value);
-- PostgreSQL refuses a new enum value in the same transaction that added it ("unsafe use of new value").
-- Live lacks 'draft' (before 'pending') and 'refunded'; the model's new column defaults to 'draft' and the old column's default moved to 'draft'.
CREATE TYPE order_status AS ENUM ('draft', 'pending', 'paid', 'refunded');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL DEFAULT 'draft', total_cents int NOT NULL);
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), previous order_status NOT NULL DEFAULT 'refunded');
