-- from: stripe/pg-schema-diff column cases "Modify collation (default -> non-default)" and "(non-default -> non-default)"; the column's collation differs on a table with rows where a unique constraint and a plain index cover the column.
CREATE TABLE users (id bigint PRIMARY KEY, login text COLLATE "C" NOT NULL, display_name text COLLATE "POSIX", CONSTRAINT users_login_key UNIQUE (login));
CREATE INDEX users_display_name_idx ON users (display_name);
