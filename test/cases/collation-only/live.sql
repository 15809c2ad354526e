CREATE TABLE users (id int PRIMARY KEY, login text NOT NULL, name varchar(100) COLLATE "C");
INSERT INTO users VALUES (1, 'alice', 'Alice'), (2, 'Bob', 'bob');
