CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
