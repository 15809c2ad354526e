-- from: stripe/pg-schema-diff check_constraint cases (add check, validate) and faked Django migrations that add a CHECK the data breaks
-- A CHECK is missing and two live rows violate it: the script must stop with PostgreSQL's error and leave schema and rows as they were.
CREATE TABLE subscriptions (id bigint PRIMARY KEY, seats int NOT NULL, plan text NOT NULL,
  CONSTRAINT subscriptions_seats_positive CHECK (seats > 0));
