CREATE TABLE doc (id int PRIMARY KEY, body jsonb NOT NULL DEFAULT '{}');
INSERT INTO doc SELECT g, jsonb_build_object('k', g) FROM generate_series(1, 30) g;
CREATE INDEX doc_body_gin ON doc USING gin (body);
