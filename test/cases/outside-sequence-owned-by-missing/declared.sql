CREATE TABLE receipt (id int PRIMARY KEY, seq_no bigint);
CREATE SEQUENCE receipt_seq_no_seq OWNED BY receipt.seq_no;
ALTER TABLE receipt ALTER COLUMN seq_no SET DEFAULT nextval('receipt_seq_no_seq');
