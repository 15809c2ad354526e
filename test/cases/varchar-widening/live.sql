CREATE TABLE calls (id int PRIMARY KEY, status varchar(20) NOT NULL, note varchar(10));
INSERT INTO calls VALUES (1, 'ringing', 'x');
