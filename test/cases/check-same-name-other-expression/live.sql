-- Same name, other expression.
CREATE TABLE prices (id integer PRIMARY KEY, amount numeric NOT NULL, CONSTRAINT prices_amount_check CHECK (amount > 0));
INSERT INTO prices SELECT g, g * 1.5 FROM generate_series(1, 25) g;
