CREATE TYPE ticket_state AS ENUM ('open', 'working', 'closed');
CREATE TABLE ticket (id bigint PRIMARY KEY, state ticket_state NOT NULL DEFAULT 'open');
CREATE INDEX ticket_state_idx ON ticket (state);
INSERT INTO ticket SELECT g, (ARRAY['open', 'working', 'closed']::ticket_state[])[1 + g % 3] FROM generate_series(1, 15) g;
