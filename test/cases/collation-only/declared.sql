CREATE TABLE users (id int PRIMARY KEY, login text COLLATE "C" NOT NULL, name varchar(100));
