-- from: stripe/pg-schema-diff column case "Add multiple generated columns"; two columns are missing on a table with rows: a NOT NULL column with a constant default and a STORED generated column computed from it and an existing column.
CREATE TABLE line_item (id bigint PRIMARY KEY, unit_cents bigint NOT NULL, qty int NOT NULL DEFAULT 1, total_cents bigint GENERATED ALWAYS AS (unit_cents * qty) STORED);
CREATE INDEX line_item_total_idx ON line_item (total_cents);
