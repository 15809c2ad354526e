CREATE TABLE calls (id int PRIMARY KEY, started_at timestamptz NOT NULL);
