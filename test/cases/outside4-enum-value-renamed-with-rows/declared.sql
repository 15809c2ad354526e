-- from: prisma/prisma issue 23569 "Postgres supports in-place enum value renames"; the model has renamed one enum label that rows on live still hold, so a drop-and-recreate of the type would fail or lose the rows' values.
CREATE TYPE ticket_state AS ENUM ('open', 'in_progress', 'closed');
CREATE TABLE ticket (id bigint PRIMARY KEY, state ticket_state NOT NULL DEFAULT 'open');
CREATE INDEX ticket_state_idx ON ticket (state);
