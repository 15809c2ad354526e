CREATE TABLE account (id int PRIMARY KEY, email text);
CREATE TABLE invoice (id int PRIMARY KEY, account_id int REFERENCES account (id), number text);
CREATE INDEX invoice_number ON invoice (number);
