CREATE TABLE login (id int PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX login_email_ci_uidx ON login (lower(email));
