-- from: stripe/pg-schema-diff table case "Alter replica identity to index replica identity" with index case "Alter index columns (index replacement)"; the unique index that is the table's replica identity has other columns in the model, so replacing it must set the replica identity again.
CREATE TABLE shipment (carrier text NOT NULL, tracking text NOT NULL, region text NOT NULL, status text);
CREATE UNIQUE INDEX shipment_key ON shipment (carrier, tracking, region);
ALTER TABLE shipment REPLICA IDENTITY USING INDEX shipment_key;
