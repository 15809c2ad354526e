CREATE SEQUENCE batch_seq;
CREATE TABLE batch (id int PRIMARY KEY DEFAULT nextval('batch_seq'));
INSERT INTO batch SELECT generate_series(1, 5);
