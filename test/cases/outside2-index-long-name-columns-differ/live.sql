CREATE TABLE shipment_tracking_event (id bigint PRIMARY KEY, carrier text NOT NULL, tracking_no text NOT NULL, seen_at timestamptz NOT NULL);
INSERT INTO shipment_tracking_event SELECT g, 'c' || (g % 3), 'T' || g, timestamptz '2024-01-01' + g * interval '1 hour' FROM generate_series(1, 40) g;
CREATE INDEX shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd ON shipment_tracking_event (carrier);
