CREATE TABLE tasks (id bigint PRIMARY KEY, owner text NOT NULL, priority int NOT NULL, done boolean NOT NULL DEFAULT false);
CREATE VIEW open_tasks AS SELECT id, owner, priority, done FROM tasks WHERE NOT done;
INSERT INTO tasks SELECT g, 'u' || (g % 2), g % 10, g % 3 = 0 FROM generate_series(1, 15) g;
CREATE VIEW urgent_open_tasks AS SELECT id, owner, priority, done FROM open_tasks WHERE priority >= 8 WITH LOCAL CHECK OPTION;
CREATE VIEW my_tasks AS SELECT id, owner, priority, done FROM tasks WHERE owner = current_user WITH CHECK OPTION;
