-- from: ariga/atlas internal/integration/testdata/postgres/index-expr.txtar
-- An expression index with an operator class and a partial predicate is missing; another expression index differs.
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
CREATE INDEX users_email_prefix_idx ON users (lower(email) text_pattern_ops) WHERE deleted_at IS NULL;
CREATE INDEX users_domain_idx ON users ((split_part(email, '@', 2)), id);
