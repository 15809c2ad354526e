CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE m (id int PRIMARY KEY, v mood);
INSERT INTO m VALUES (1, 'ok'), (2, 'sad');
