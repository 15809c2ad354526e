CREATE TABLE subscriptions (id bigint PRIMARY KEY, seats int NOT NULL, plan text NOT NULL);
INSERT INTO subscriptions SELECT g, g - 3, 'pro' FROM generate_series(1, 8) g WHERE g <> 3;
