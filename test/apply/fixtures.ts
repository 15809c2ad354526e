/** A small app with rows, and its declared model with the incident's kind of drift. */
export const DECLARED = `
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(254) NOT NULL, region text NOT NULL DEFAULT 'eu');
CREATE TABLE rooms (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE calls (
  id bigint PRIMARY KEY,
  caller_id bigint NOT NULL,
  room_id bigint,
  status varchar(20) NOT NULL,
  CONSTRAINT calls_caller_fk FOREIGN KEY (caller_id) REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT calls_room_fk FOREIGN KEY (room_id) REFERENCES rooms (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX calls_caller_idx ON calls (caller_id);
CREATE INDEX calls_room_idx ON calls (room_id);
CREATE INDEX users_email_idx ON users (email);
CREATE TABLE call_logs (id bigint PRIMARY KEY, call_id bigint NOT NULL REFERENCES calls (id) DEFERRABLE INITIALLY DEFERRED, at timestamptz NOT NULL);
CREATE INDEX call_logs_call_idx ON call_logs (call_id);
`;

export const LIVE = `
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(254) NOT NULL);
CREATE TABLE rooms (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE calls (id bigint PRIMARY KEY, caller_id bigint, room_id bigint, status varchar(20) NOT NULL);
INSERT INTO users SELECT g, 'u' || g || '@x.org' FROM generate_series(1, 2000) g;
INSERT INTO rooms SELECT g, 'r' || g FROM generate_series(1, 50) g;
INSERT INTO calls SELECT g, 1 + g % 2000, 1 + g % 50, 'ended' FROM generate_series(1, 20000) g;
ANALYZE;
`;
