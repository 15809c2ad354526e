CREATE TABLE calls (id int PRIMARY KEY, started_at timestamptz NOT NULL, ended_at timestamptz);
CREATE INDEX calls_started_at ON calls (started_at);
CREATE INDEX calls_ended_recent ON calls (ended_at DESC) WHERE ended_at IS NOT NULL;
