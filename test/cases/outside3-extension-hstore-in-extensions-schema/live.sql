CREATE SCHEMA extensions;
CREATE TABLE devices (id bigint PRIMARY KEY, serial text NOT NULL);
INSERT INTO devices SELECT g, 'SN' || g FROM generate_series(1, 20) g;
