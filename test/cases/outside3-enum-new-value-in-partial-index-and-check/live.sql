CREATE TYPE doc_state AS ENUM ('active', 'locked');
CREATE TABLE docs (id bigint PRIMARY KEY, state doc_state NOT NULL DEFAULT 'active', archived_at timestamptz, title text NOT NULL);
INSERT INTO docs SELECT g, CASE WHEN g % 4 = 0 THEN 'locked' ELSE 'active' END::doc_state, NULL, 'doc ' || g FROM generate_series(1, 16) g;
