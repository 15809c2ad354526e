-- from: stripe/pg-schema-diff view cases "alter - change check option", "alter - remove check option"
-- An updatable view on a view: the check option is CASCADED in the model and LOCAL on live; another view has a check option on live that the model removed.
CREATE TABLE tasks (id bigint PRIMARY KEY, owner text NOT NULL, priority int NOT NULL, done boolean NOT NULL DEFAULT false);
CREATE VIEW open_tasks AS SELECT id, owner, priority, done FROM tasks WHERE NOT done;
CREATE VIEW urgent_open_tasks AS SELECT id, owner, priority, done FROM open_tasks WHERE priority >= 8 WITH CASCADED CHECK OPTION;
CREATE VIEW my_tasks AS SELECT id, owner, priority, done FROM tasks WHERE owner = current_user;
