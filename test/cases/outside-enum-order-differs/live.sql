CREATE TYPE size_class AS ENUM ('large', 'medium', 'small');
CREATE TABLE garment (id int PRIMARY KEY, size size_class);
INSERT INTO garment VALUES (1, 'small'), (2, 'large');
