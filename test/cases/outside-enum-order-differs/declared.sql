CREATE TYPE size_class AS ENUM ('small', 'medium', 'large');
CREATE TABLE garment (id int PRIMARY KEY, size size_class);
