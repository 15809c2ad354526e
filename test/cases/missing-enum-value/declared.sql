CREATE TYPE mood AS ENUM ('sad', 'meh', 'ok', 'happy', 'ecstatic');
CREATE TABLE m (id int PRIMARY KEY, v mood);
