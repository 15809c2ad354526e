CREATE TABLE counter_log (
  id bigint NOT NULL DEFAULT 0 PRIMARY KEY,
  note text
);
INSERT INTO counter_log SELECT g, 'n' || g FROM generate_series(1, 7) g;
