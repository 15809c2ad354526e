CREATE TABLE account (id int PRIMARY KEY, status text NOT NULL, note text DEFAULT 'hello');
INSERT INTO account SELECT g, 'x', NULL FROM generate_series(1, 10) g;
