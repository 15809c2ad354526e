CREATE SEQUENCE invoice_number_seq START 1000;
CREATE TABLE invoice (id int PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('invoice_number_seq'));
