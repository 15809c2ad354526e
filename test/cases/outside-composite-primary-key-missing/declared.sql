CREATE TABLE membership (org_id int NOT NULL, user_id int NOT NULL, role text NOT NULL DEFAULT 'member', PRIMARY KEY (org_id, user_id));
