CREATE TABLE voucher (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text NOT NULL);
INSERT INTO voucher (code) SELECT 'v' || g FROM generate_series(1, 10) g;
