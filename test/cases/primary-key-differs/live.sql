-- The live primary key is on one column; the model's is on two. PostgreSQL allows one primary key.
CREATE TABLE memberships (org_id integer NOT NULL, user_id integer NOT NULL, role text NOT NULL, CONSTRAINT memberships_pkey PRIMARY KEY (user_id));
INSERT INTO memberships SELECT g % 7, g, 'member' FROM generate_series(1, 60) g;
