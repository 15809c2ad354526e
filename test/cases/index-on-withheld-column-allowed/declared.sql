-- A STORED generated column and the index and check on it, missing on a table with rows: with the rewrite
-- allowed, the column is added first, then the index and check that need it (without it all three are withheld:
-- outside4-index-on-withheld-generated-column). The unrelated index on qty runs either way.
CREATE TABLE line_item (id bigint PRIMARY KEY, unit_cents bigint NOT NULL, qty int NOT NULL DEFAULT 1,
  total_cents bigint GENERATED ALWAYS AS (unit_cents * qty) STORED CONSTRAINT total_not_negative CHECK (total_cents >= 0));
CREATE INDEX line_item_total_idx ON line_item (total_cents);
CREATE INDEX line_item_qty_idx ON line_item (qty);
