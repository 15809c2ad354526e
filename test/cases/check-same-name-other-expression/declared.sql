CREATE TABLE prices (id integer PRIMARY KEY, amount numeric NOT NULL, CONSTRAINT prices_amount_check CHECK (amount >= 0));
