CREATE TABLE metrics (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a int NOT NULL, b int NOT NULL, total int GENERATED ALWAYS AS (a + b) STORED, tags text[] NOT NULL DEFAULT '{}', data jsonb);
