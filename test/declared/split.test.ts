/**
 * The statement splitter and the statement filter, as data: input script,
 * expected statements (with their lines) and what the shadow does with each.
 */
import { describe, expect, it } from 'vitest';
import { classify, isDataOnly } from '../../src/declared/filter.js';
import { lineOfPosition, splitStatements } from '../../src/declared/split.js';

const CASES: { name: string; sql: string; statements: [number, string][] }[] = [
  { name: 'plain statements, blank lines and comments', sql: '-- c\nCREATE TABLE a (id int);\n\n/* x; y */ CREATE TABLE b (id int) ;\n', statements: [[2, 'CREATE TABLE a (id int)'], [4, 'CREATE TABLE b (id int)']] },
  { name: 'semicolons in strings, identifiers and escape strings', sql: "SELECT 'a;b', \"c;d\", E'e\\';f';\nSELECT 2;", statements: [[1, "SELECT 'a;b', \"c;d\", E'e\\';f'"], [2, 'SELECT 2']] },
  { name: 'doubled quotes', sql: "SELECT 'it''s;', \"a\"\"b;\";", statements: [[1, "SELECT 'it''s;', \"a\"\"b;\""]] },
  {
    name: 'dollar quotes, tagged and nested',
    sql: 'CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  PERFORM $$;$$;\n  RETURN 1;\nEND;\n$body$ LANGUAGE plpgsql;\nSELECT 1;',
    statements: [[1, 'CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  PERFORM $$;$$;\n  RETURN 1;\nEND;\n$body$ LANGUAGE plpgsql'], [7, 'SELECT 1']],
  },
  { name: 'a $ inside an identifier is not a dollar quote', sql: 'SELECT a$b$c FROM t;\nSELECT 2;', statements: [[1, 'SELECT a$b$c FROM t'], [2, 'SELECT 2']] },
  { name: 'nested block comments', sql: '/* a /* b; */ c; */ SELECT 1;', statements: [[1, 'SELECT 1']] },
  { name: 'parentheses (CREATE RULE with several actions)', sql: 'CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b);\nSELECT 1;', statements: [[1, 'CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)'], [2, 'SELECT 1']] },
  {
    name: 'SQL-standard function bodies (BEGIN ATOMIC … END) with CASE',
    sql: 'CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND;\nSELECT 3;',
    statements: [[1, 'CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND'], [6, 'SELECT 3']],
  },
  { name: 'BEGIN and COMMIT around a migration are statements', sql: 'BEGIN;\n--\n-- Create model X\n--\nCREATE TABLE x (id int);\nCOMMIT;\n', statements: [[1, 'BEGIN'], [5, 'CREATE TABLE x (id int)'], [6, 'COMMIT']] },
  { name: 'psql meta-commands and COPY data are not statements', sql: '\\restrict abc\nCOPY t (a) FROM stdin;\n1\n2;3\n\\.\nSELECT 1;\n\\unrestrict abc\n', statements: [[2, 'COPY t (a) FROM stdin'], [6, 'SELECT 1']] },
  { name: 'a last statement without a semicolon', sql: 'SELECT 1;\nSELECT 2\n', statements: [[1, 'SELECT 1'], [2, 'SELECT 2']] },
  { name: 'empty statements', sql: ';;SELECT 1;;', statements: [[1, 'SELECT 1']] },
  { name: 'drizzle-kit breakpoints', sql: 'CREATE TABLE a (id int);--> statement-breakpoint\nCREATE INDEX i ON a (id);', statements: [[1, 'CREATE TABLE a (id int)'], [2, 'CREATE INDEX i ON a (id)']] },
];

describe('splitStatements', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(splitStatements(c.sql).statements.map((s) => [s.line, s.sql])).toEqual(c.statements);
    });
  }

  it('reports meta-commands with their lines', () => {
    expect(splitStatements('\\connect db\nSELECT 1;\n\\unrestrict k').metaCommands).toEqual([
      { text: '\\connect db', line: 1 },
      { text: '\\unrestrict k', line: 3 },
    ]);
  });

  it('maps an error position inside a statement to a line of the file', () => {
    const [, second] = splitStatements('SELECT 1;\n\nCREATE TABLE t (\n  a int,\n  b nope\n);').statements;
    expect(second?.line).toBe(3);
    const position = (second?.sql.indexOf('nope') ?? 0) + 1;
    expect(lineOfPosition(second!, position)).toBe(5);
    expect(lineOfPosition(second!, undefined)).toBe(3);
  });
});

const VERDICTS: [string, string][] = [
  ['ALTER TABLE public.t OWNER TO app_owner', 'skip privileges'],
  ['ALTER SCHEMA public OWNER TO pg_database_owner', 'skip privileges'],
  ['GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader', 'grant'],
  ['REVOKE USAGE ON SCHEMA public FROM PUBLIC', 'grant'],
  ['ALTER DEFAULT PRIVILEGES FOR ROLE a GRANT SELECT ON TABLES TO b', 'grant'],
  ['GRANT SELECT (a, b) ON t TO reader', 'grant'],
  ['GRANT EXECUTE ON FUNCTION f(integer) TO app WITH GRANT OPTION', 'grant'],
  ['GRANT CONNECT ON DATABASE app TO reader', 'skip cluster'],
  ['GRANT USAGE ON FOREIGN SERVER s TO reader', 'skip cluster'],
  ['GRANT reader TO app', 'skip cluster'],
  ['REVOKE reader FROM app', 'skip cluster'],
  ['SET SESSION AUTHORIZATION app', 'skip privileges'],
  ['CREATE ROLE app', 'skip cluster'],
  ['CREATE USER app', 'skip cluster'],
  ['CREATE USER MAPPING FOR app SERVER s', 'run'],
  ['CREATE DATABASE x', 'skip cluster'],
  ['INSERT INTO t VALUES (1)', 'skip data'],
  ['UPDATE t SET a = 1', 'skip data'],
  ['VACUUM t', 'skip maintenance'],
  ['BEGIN', 'skip transaction'],
  ['COMMIT', 'skip transaction'],
  ['SET transaction_timeout = 0', 'set transaction_timeout'],
  ["SELECT pg_catalog.set_config('search_path', '', false)", 'run'],
  ['COMMENT ON TABLE t IS \'owner to be decided\'', 'run'],
  ['CREATE TABLE "GRANT" (id int)', 'run'],
];

describe('classify', () => {
  for (const [sql, expected] of VERDICTS) {
    it(`${sql} -> ${expected}`, () => {
      const [statement] = splitStatements(sql).statements;
      const v = classify(statement!);
      const got = v.action === 'skip' ? `skip ${v.reason}` : v.action === 'set' ? `set ${v.parameter}` : v.action;
      expect(got).toBe(expected);
    });
  }

  it('drops CONCURRENTLY, which cannot run in the transaction each migration gets', () => {
    const run = (sql: string) => {
      const v = classify(splitStatements(sql).statements[0]!);
      return v.action === 'run' ? v.sql : v.action;
    };
    expect(run('CREATE UNIQUE INDEX CONCURRENTLY "i" ON "t" ("a")')).toBe('CREATE UNIQUE INDEX "i" ON "t" ("a")');
    expect(run('DROP INDEX CONCURRENTLY IF EXISTS "i"')).toBe('DROP INDEX IF EXISTS "i"');
    expect(run('CREATE INDEX "concurrently" ON t (a)')).toBe('CREATE INDEX "concurrently" ON t (a)');
  });

  it('a migration of comments, transaction control or data only is data-only', () => {
    const data = (sql: string) => isDataOnly(splitStatements(sql).statements);
    expect(data('BEGIN;\n--\n-- MIGRATION NOW PERFORMS OPERATION THAT CANNOT BE WRITTEN AS SQL:\n-- Raw Python operation\n--\nCOMMIT;')).toBe(true);
    expect(data('')).toBe(true);
    expect(data("BEGIN;\nUPDATE chat_message SET message_type = 'image';\nCOMMIT;")).toBe(true);
    expect(data('BEGIN;\nALTER TABLE t ADD COLUMN c int;\nCOMMIT;')).toBe(false);
  });
});
