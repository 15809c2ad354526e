CREATE TABLE ticket (code text PRIMARY KEY, serial_no bigint GENERATED ALWAYS AS IDENTITY);
