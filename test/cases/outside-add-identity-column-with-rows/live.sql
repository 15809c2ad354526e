CREATE TABLE ticket (code text PRIMARY KEY);
INSERT INTO ticket SELECT 'T' || g FROM generate_series(1, 15) g;
