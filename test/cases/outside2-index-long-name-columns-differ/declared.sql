-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/index_cases_test.go ("Change an index (with a really long name) columns")
-- An index whose name is 63 characters long covers other columns on live: rebuilt.
CREATE TABLE shipment_tracking_event (id bigint PRIMARY KEY, carrier text NOT NULL, tracking_no text NOT NULL, seen_at timestamptz NOT NULL);
CREATE INDEX shipment_tracking_event_carrier_tracking_no_seen_at_index_abcd ON shipment_tracking_event (carrier, tracking_no, seen_at);
