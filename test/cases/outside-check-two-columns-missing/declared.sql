CREATE TABLE booking (id int PRIMARY KEY, starts_on date NOT NULL, ends_on date NOT NULL,
  CONSTRAINT booking_range_ok CHECK (ends_on >= starts_on));
