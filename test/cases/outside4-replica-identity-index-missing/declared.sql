-- from: stripe/pg-schema-diff table case "Alter replica identity to index replica identity"; the unique index the replica identity names is itself missing on a live table with rows, so it must be built (concurrently) before REPLICA IDENTITY USING INDEX.
CREATE TABLE events (tenant bigint NOT NULL, seq bigint NOT NULL, kind text NOT NULL, payload jsonb);
CREATE UNIQUE INDEX events_tenant_seq ON events (tenant, seq);
ALTER TABLE events REPLICA IDENTITY USING INDEX events_tenant_seq;
