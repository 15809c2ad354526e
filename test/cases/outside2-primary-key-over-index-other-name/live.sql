CREATE TABLE device (
  serial text NOT NULL,
  label text
);
INSERT INTO device SELECT 'SN' || lpad(g::text, 5, '0'), 'device ' || g FROM generate_series(1, 30) g;
CREATE UNIQUE INDEX device_serial_idx ON device (serial);
