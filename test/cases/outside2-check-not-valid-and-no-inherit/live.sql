CREATE TABLE stock (
  id integer PRIMARY KEY,
  qty integer NOT NULL,
  price numeric(10, 2) NOT NULL,
  CONSTRAINT stock_price_pos CHECK (price > 0)
);
INSERT INTO stock SELECT g, g * 3, g + 0.5 FROM generate_series(1, 15) g;
ALTER TABLE stock ADD CONSTRAINT stock_qty_nonneg CHECK (qty >= 0) NOT VALID;
