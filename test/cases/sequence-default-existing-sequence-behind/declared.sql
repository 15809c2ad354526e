-- An existing sequence becomes the default of a column whose rows were written without it (ids 1..20),
-- while the sequence itself only reached 3: nextval would hand out 4, a taken id. The repair sets the
-- default and advances the sequence past the largest id; a sequence that is already ahead is left alone.
CREATE SEQUENCE order_number_seq;
CREATE TABLE orders (id bigint PRIMARY KEY DEFAULT nextval('order_number_seq'), note text);
CREATE SEQUENCE ticket_seq START 500;
CREATE TABLE tickets (id integer PRIMARY KEY DEFAULT nextval('ticket_seq'), note text);
