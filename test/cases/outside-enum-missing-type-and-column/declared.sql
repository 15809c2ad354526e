CREATE TYPE channel AS ENUM ('email', 'sms', 'push');
CREATE TABLE notice (id int PRIMARY KEY, body text NOT NULL, via channel);
