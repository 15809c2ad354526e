CREATE TABLE memberships (org_id integer NOT NULL, user_id integer NOT NULL, role text NOT NULL);
ALTER TABLE memberships ADD CONSTRAINT memberships_pkey PRIMARY KEY (org_id, user_id);
