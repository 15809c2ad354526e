CREATE SEQUENCE invoice_no AS integer START 1000 INCREMENT 5;
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
