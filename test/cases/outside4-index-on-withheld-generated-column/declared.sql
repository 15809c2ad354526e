-- from: stripe/pg-schema-diff column case "Generated column with index"; a STORED generated column is missing on a table with rows (its ADD is withheld: it rewrites the table) while the index on it is missing too, and the default plan (no hazards allowed) still builds the index.
CREATE TABLE line_item (id bigint PRIMARY KEY, unit_cents bigint NOT NULL, qty int NOT NULL DEFAULT 1, total_cents bigint GENERATED ALWAYS AS (unit_cents * qty) STORED);
CREATE INDEX line_item_total_idx ON line_item (total_cents);
