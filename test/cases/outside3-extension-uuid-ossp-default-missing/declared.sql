-- from: Rails/Prisma-era migrations using "uuid-ossp" (a hyphenated extension name) for uuid_generate_v4() defaults
-- The extension (its name must be quoted) and the column defaults calling it are missing on live; the columns and rows exist.
CREATE TABLE orders (id uuid PRIMARY KEY, placed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE order_lines (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id), sku text NOT NULL);
CREATE EXTENSION "uuid-ossp";
ALTER TABLE orders ALTER COLUMN id SET DEFAULT uuid_generate_v4();
ALTER TABLE order_lines ALTER COLUMN id SET DEFAULT uuid_generate_v4();
