CREATE TABLE shipment (id int PRIMARY KEY, ref text NOT NULL);
INSERT INTO shipment SELECT g, 'r' || g FROM generate_series(1, 10) g;
