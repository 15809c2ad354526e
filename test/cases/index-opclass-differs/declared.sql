CREATE TABLE users (id int PRIMARY KEY, email varchar(254) NOT NULL);
CREATE INDEX users_email_like ON users (email varchar_pattern_ops);
