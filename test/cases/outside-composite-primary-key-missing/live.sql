CREATE TABLE membership (org_id int NOT NULL, user_id int NOT NULL, role text NOT NULL DEFAULT 'member');
INSERT INTO membership SELECT g % 5, g, 'member' FROM generate_series(1, 40) g;
