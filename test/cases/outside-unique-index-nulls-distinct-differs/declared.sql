CREATE TABLE alias (id int PRIMARY KEY, scope text, word text NOT NULL);
CREATE UNIQUE INDEX alias_scope_word_uidx ON alias (scope, word) NULLS NOT DISTINCT;
