-- from: soft-archive migrations (a new 'archived' state with a partial index over the rows not archived); pgschema create_type/add_value, online/add_partial_index
-- The new value is used by a partial index predicate and a CHECK added in the same repair: they must come after the value is committed.
CREATE TYPE doc_state AS ENUM ('active', 'locked', 'archived');
CREATE TABLE docs (id bigint PRIMARY KEY, state doc_state NOT NULL DEFAULT 'active', archived_at timestamptz, title text NOT NULL,
  CONSTRAINT docs_archived_has_time CHECK (state <> 'archived' OR archived_at IS NOT NULL));
CREATE INDEX docs_live_title ON docs (title) WHERE state <> 'archived';
