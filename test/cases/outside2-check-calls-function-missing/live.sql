CREATE TABLE product (
  id integer PRIMARY KEY,
  sku text NOT NULL
);
INSERT INTO product SELECT g, 'ABC-' || lpad(g::text, 4, '0') FROM generate_series(1, 12) g;
