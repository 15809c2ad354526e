-- Collations: missing ones (ICU nondeterministic, libc) created before the domain and the columns
-- that use them; one whose determinism differs (unused) dropped and created under replace.
CREATE SCHEMA app;
CREATE COLLATION app.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION app.posix_c (locale = 'C');
CREATE COLLATION app.loose (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
CREATE DOMAIN app.email AS text COLLATE app.ci CHECK (VALUE LIKE '%@%');
CREATE TABLE app.users (id bigint PRIMARY KEY, email app.email NOT NULL, handle text COLLATE app.ci, code text COLLATE app.posix_c);
CREATE UNIQUE INDEX users_handle ON app.users (handle);
CREATE TABLE app.tags (id bigint PRIMARY KEY, label text);
