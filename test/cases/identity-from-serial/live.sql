-- Hand-made with serial where the model has an identity column.
CREATE TABLE tickets (id serial PRIMARY KEY, title text NOT NULL);
INSERT INTO tickets (title) SELECT 't' || g FROM generate_series(1, 20) g;
