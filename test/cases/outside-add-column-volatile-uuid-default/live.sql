CREATE TABLE session_log (id bigint PRIMARY KEY);
INSERT INTO session_log SELECT g FROM generate_series(1, 40) g;
