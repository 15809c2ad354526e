CREATE TABLE doc (id int PRIMARY KEY, body jsonb NOT NULL DEFAULT '{}');
CREATE INDEX doc_body_gin ON doc USING gin (body jsonb_path_ops);
