CREATE TABLE alias (id int PRIMARY KEY, scope text, word text NOT NULL);
INSERT INTO alias SELECT g, NULL, 'w' || g FROM generate_series(1, 30) g;
CREATE UNIQUE INDEX alias_scope_word_uidx ON alias (scope, word);
