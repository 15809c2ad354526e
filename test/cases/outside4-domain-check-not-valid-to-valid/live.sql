CREATE DOMAIN percent AS numeric(5,2);
CREATE TABLE discount (id bigint PRIMARY KEY, code text NOT NULL, rate percent NOT NULL);
INSERT INTO discount SELECT g, 'CODE' || g, g * 5 FROM generate_series(1, 12) g;
ALTER DOMAIN percent ADD CONSTRAINT percent_range CHECK (VALUE >= 0 AND VALUE <= 100) NOT VALID;
