CREATE TYPE reply AS ENUM ('it''s fine', 'don''t');
CREATE TABLE feedback (id integer PRIMARY KEY, answer reply NOT NULL);
INSERT INTO feedback SELECT g, CASE WHEN g % 2 = 0 THEN 'it''s fine' ELSE 'don''t' END::reply FROM generate_series(1, 10) g;
