-- invoice was never created; a hand-made index on account took the name of its index.
CREATE TABLE account (id int PRIMARY KEY, email text);
CREATE INDEX invoice_number ON account (email);
INSERT INTO account SELECT g, 'a' || g || '@example.com' FROM generate_series(1, 10) g;
