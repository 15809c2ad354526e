CREATE TABLE line_item (id int PRIMARY KEY, qty int NOT NULL, unit_price numeric(10,2) NOT NULL,
  line_total numeric GENERATED ALWAYS AS (qty * unit_price) STORED);
