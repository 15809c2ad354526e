CREATE TABLE users (id int PRIMARY KEY, email varchar(254) NOT NULL);
INSERT INTO users VALUES (1, 'a@b'), (2, 'c@d');
CREATE INDEX users_email_like ON users (email);
