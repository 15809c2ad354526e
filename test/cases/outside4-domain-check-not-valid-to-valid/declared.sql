-- from: stripe/pg-schema-diff check case "Alter an invalid check constraint to be valid (validate constraint isn't dropped and re-added)", applied to a domain; live has the domain's check NOT VALID, the model has it validated, and the rows comply.
CREATE DOMAIN percent AS numeric(5,2) CONSTRAINT percent_range CHECK (VALUE >= 0 AND VALUE <= 100);
CREATE TABLE discount (id bigint PRIMARY KEY, code text NOT NULL, rate percent NOT NULL);
