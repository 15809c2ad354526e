/**
 * Hostile identifiers and values: every name here must survive introspection,
 * planning, the psql script, `reconcile apply --from file.sql` and `verify`.
 */

const enc = new TextEncoder();
export const bytes = (s: string): number => enc.encode(s).length;

/**
 * What PostgreSQL keeps of an identifier: at most 63 bytes, cut on a character
 * boundary (it warns "identifier ... will be truncated").
 */
export function truncated(name: string): string {
  let out = '';
  for (const ch of name) {
    if (bytes(out + ch) > 63) break;
    out += ch;
  }
  return out;
}

const HAND: readonly string[] = [
  // quotes and backslashes
  "'", '"', "''", '""', '"quoted"', "a'b", 'a"b', 'a\\b', '\\', '\\\\', "a\\'b", "it's", 'say "hi"', "E'x'", 'U&"x"',
  // statement separators and comments
  ';', 'a;b', '--', 'a--b', '-- comment', '/*', '*/', '/* c */', 'a/*b', 'a*/b', '/*/', ';;',
  // SQL injection shapes
  ';DROP TABLE x;--', 'x"; DROP TABLE t; --', "'; DELETE FROM t; --", "x' OR '1'='1", ') ; DROP SCHEMA public CASCADE; --',
  '"); TRUNCATE t; --', "1; SELECT pg_sleep(10)", "robert'); DROP TABLE students;--",
  // whitespace and control characters
  'new\nline', 'cr\rlf\r\n', 'tab\there', ' leading space', 'trailing space ', '  ', 'a  b', '\u00a0nbsp', 'form\ffeed',
  // psql meta-commands and variables in names
  '\\gset', '\\! echo pwned', '\\if', '\\set ON_ERROR_STOP off', 'x\n\\! touch /tmp/pwned\n', ':var', ":'var'", ':"var"', '\\.', 'reconcile_needed',
  // dollar quoting and placeholders
  '$1', '$$', '$reconcile$', '$reconcile0$', '$tag$ x $tag$', 'a$b', '$', '%s', '%I', '%L', '?', '{}', '[]', '()', '(', ')',
  // punctuation that means something elsewhere
  'a.b', '.', '..', 'a,b', ',', 'a b c', '@', '#', '&&', '||', '<>', '=', '+', '-', '!', '~', '^', '`', '*', '%', '"."', 'a"."b',
  // reserved words and catalog-looking names
  'select', 'from', 'table', 'user', 'order', 'group', 'default', 'check', 'primary', 'null', 'true', 'all', 'column',
  'constraint', 'references', 'index', 'public', 'pg_catalog', 'information_schema', 'search_path', 'oid', 'ctid', 'xmin',
  // case
  'CamelCase', 'UPPER', 'MiXeD', 'Select', 'ID',
  // leading digits
  '1leading', '123', '0', '1e5', '0x1F',
  // unicode: composed and decomposed, right-to-left, zero-width, emoji, combining marks
  'é', 'e\u0301', 'ñandú', 'Ωmega', '日本語', 'עברית', 'مرحبا', '\u202eevil', 'a\u200bb', 'a\u200db', '\ufeffbom', '👍', '🏳️‍🌈', 'z\u0336\u0337', 'Ⅻ',
];

/** Names at and around PostgreSQL's 63-byte limit (those over it are stored truncated). */
const LENGTHS: readonly string[] = [
  'a'.repeat(63),
  'é'.repeat(31) + 'a', // 63 bytes of two-byte characters
  'x'.repeat(62) + 'é', // 64 bytes: the cut falls inside é, PostgreSQL keeps 62
  'L'.repeat(80), // truncated to 63
  '"'.repeat(63),
  "'".repeat(40) + ';'.repeat(23),
];

export const NAMES: readonly string[] = [...new Set([...HAND, ...LENGTHS])];

/** Two names that differ only after byte 63: PostgreSQL sees one name. */
export const COLLIDING: readonly [string, string] = ['c'.repeat(63) + '_one', 'c'.repeat(63) + '_two'];

/** String values for defaults and enum labels. */
export const VALUES: readonly string[] = [
  "it's", "''", "'", '\\', '\\\\', "\\'", "'\\", 'a\\nb', 'new\nline', 'tab\t', '"', '$$', '$reconcile$', "E'x'", '%s', '; DROP TABLE t; --',
  "'); DROP TABLE t; --", '/* c */', '--', 'é', 'e\u0301', '\u202eevil', '👍', '', ' ', 'NULL', 'null', 'DEFAULT', ':var', '\\! echo pwned',
];
