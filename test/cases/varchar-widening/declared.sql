CREATE TABLE calls (id int PRIMARY KEY, status varchar(50) NOT NULL, note text);
