CREATE TYPE priority AS ENUM ('trivial', 'low', 'normal', 'high');
CREATE TABLE issue (id int PRIMARY KEY, prio priority NOT NULL DEFAULT 'normal');
