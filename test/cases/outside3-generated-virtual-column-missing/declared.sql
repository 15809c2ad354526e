-- from: PostgreSQL 18 release notes (virtual generated columns, the new default) and pgschema create_table/add_column_generated
-- A VIRTUAL generated column is missing on a table with rows: adding it rewrites nothing (no rewrite hazard), unlike a STORED one.
CREATE TABLE line_items (id bigint PRIMARY KEY, qty int NOT NULL, unit_cents int NOT NULL,
  total_cents int GENERATED ALWAYS AS (qty * unit_cents) VIRTUAL);
