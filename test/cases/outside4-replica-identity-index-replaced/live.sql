CREATE TABLE shipment (carrier text NOT NULL, tracking text NOT NULL, region text NOT NULL, status text);
CREATE UNIQUE INDEX shipment_key ON shipment (carrier, tracking);
ALTER TABLE shipment REPLICA IDENTITY USING INDEX shipment_key;
INSERT INTO shipment SELECT 'c' || (g % 3), 't' || g, 'r' || (g % 2), 'ok' FROM generate_series(1, 20) g;
