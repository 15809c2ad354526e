/**
 * Bad input: every failure is a ReconcileError whose one line names the file,
 * the migration when there is one, and the line PostgreSQL reported.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSource, loadDeclared } from '../../src/declared/index.js';
import { describeObject } from '../../src/objects/index.js';
import { ReconcileError } from '../../src/errors.js';
import { DJANGO_TREE, NO_CACHE, ROOT, copyTree, tempDir, writeFile } from './helpers.js';

async function failure(spec: string, options = {}): Promise<ReconcileError> {
  const e = await loadDeclared(spec, { ...NO_CACHE, ...options }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReconcileError);
  const err = e as ReconcileError;
  expect(err.oneLine()).not.toContain('\n');
  return err;
}

describe('bad input', () => {
  it('a missing path', async () => {
    const err = await failure('no/such/schema.sql');
    expect(err.code).toBe('bad-input');
    expect(err.message).toBe('no/such/schema.sql does not exist');
  });

  it('an unknown prefix, and a prefix whose path does not fit it', async () => {
    const err = await failure('mysql:dump.sql');
    expect(err.code).toBe('bad-input');
    expect(err.message).toBe('unknown source prefix "mysql:" in mysql:dump.sql');
    expect(err.hint).toMatch(/drizzle:, django:, drizzle-kit:, sql:/);
    expect(() => detectSource(`sql:${DJANGO_TREE}`)).toThrow(/is a folder, but sql-file sources are files/);
  });

  it('prefixes override the shape; shapes are detected', () => {
    const dir = tempDir('prefix');
    const odd = writeFile(dir, 'schema.dump', 'CREATE TABLE t (id int);');
    expect(detectSource(`sql:${odd}`)).toEqual({ kind: 'sql-file', location: odd });
    expect(() => detectSource(odd)).toThrow(/cannot tell what kind of source/);
    expect(detectSource(DJANGO_TREE).kind).toBe('django-tree');
    expect(detectSource(path.join(ROOT, 'schemas/chat/drizzle-migrations')).kind).toBe('drizzle-folder');
    expect(detectSource(`drizzle-kit:${path.join(ROOT, 'schemas/chat/drizzle-migrations')}`).kind).toBe('drizzle-folder');
    expect(detectSource(path.join(ROOT, 'schemas/chat/drizzle/schema.ts')).kind).toBe('drizzle-schema');
    expect(detectSource('postgresql://u:secret@h/db')).toEqual({ kind: 'database', location: 'postgresql://u@h/db' });
  });

  it('a .ts module that does not compile: file, line and column', async () => {
    const dir = tempDir('broken');
    const file = writeFile(dir, 'schema.ts', "import { pgTable } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t', {\n  id: integer('id').primaryKey(),,\n});\n");
    const err = await failure(file);
    expect(err.code).toBe('source');
    expect(err.message).toMatch(new RegExp(`^cannot compile the Drizzle schema: ${file}:3:\\d+: `));
  });

  it('a module with no schema objects', async () => {
    const file = writeFile(tempDir('empty'), 'schema.mjs', 'export const answer = 42;\n');
    const err = await failure(file);
    expect(err.message).toBe(`${file} exports no pgTable, pgEnum, pgSchema, pgSequence or view`);
  });

  it('a SQL file with a syntax error: the line PostgreSQL reported, inside a multi-line statement', async () => {
    const file = writeFile(tempDir('syntax'), 'dump.sql', "SET client_min_messages = warning;\n\nCREATE TABLE a (\n  id int,\n  name text DEFAULT 'x;y'\n  note text\n);\n");
    const err = await failure(file);
    expect(err.code).toBe('source');
    expect(err.message).toMatch(new RegExp(`^${file}:6: syntax error at or near "note" \\(replayed in PGlite`));
  });

  it('a statement that refers to something missing: the line the statement starts on', async () => {
    const file = writeFile(tempDir('missing'), 'dump.sql', 'CREATE TABLE a (id int PRIMARY KEY);\n\nCREATE TABLE b (\n  a_id int REFERENCES nope (id)\n);\n');
    const err = await failure(file);
    expect(err.message).toMatch(new RegExp(`^${file}:3: relation "nope" does not exist`));
  });

  it('a Django migration with an error: file, line and migration', async () => {
    const tree = copyTree(DJANGO_TREE, 'djerr');
    const file = writeFile(tree, 'chat/0004_callsession.sql', 'BEGIN;\n--\n-- Create model CallSession\n--\nCREATE TABLE "chat_callsession" ("id" uuid NOT NULL PRIMARY KEY, "status" varchar(20) NOT NUL);\nCOMMIT;\n');
    const err = await failure(tree);
    expect(err.message).toMatch(new RegExp(`^${file}:5 \\(migration chat\\.0004_callsession\\): syntax error at or near "NUL"`));
  });

  it('an extension PGlite lacks: named, with --shadow suggested', async () => {
    const file = writeFile(tempDir('ext'), 'dump.sql', '-- needs PostGIS\nCREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;\nCREATE TABLE p (g geometry);\n');
    const err = await failure(file);
    expect(err.message).toBe(`${file}:2: extension "postgis" is not available in the PGlite shadow`);
    expect(err.hint).toMatch(/--shadow postgres:\/\//);
  });

  it('an extension type used without its extension is explained', async () => {
    const file = writeFile(tempDir('vector'), 'dump.sql', 'CREATE TABLE items (id int, embedding vector(3));\n');
    const err = await failure(file);
    expect(err.message).toMatch(/:1: type "vector" does not exist/);
    expect(err.hint).toMatch(/comes from the extension vector/);
  });

  it('a drizzle-kit journal that lists a missing file, and a folder of nothing recognizable', async () => {
    const folder = copyTree(path.join(ROOT, 'schemas/chat/drizzle-migrations'), 'journal');
    const { rmSync } = await import('node:fs');
    rmSync(path.join(folder, '0001_callsession.sql'));
    const err = await failure(folder);
    expect(err.code).toBe('bad-input');
    expect(err.message).toBe(`${path.join(folder, 'meta/_journal.json')} lists 0001_callsession, but ${path.join(folder, '0001_callsession.sql')} cannot be read`);
    const empty = tempDir('nothing');
    mkdirSync(path.join(empty, 'docs'));
    writeFileSync(path.join(empty, 'docs', 'README.md'), 'hi');
    const unknown = await failure(empty);
    expect(unknown.message).toBe(`cannot tell what kind of source the folder ${empty} is: it has none of the files a migrations folder is recognized by`);
    expect(unknown.hint).toMatch(/^expected a drizzle-kit folder \(meta\/_journal\.json\); a Prisma migrations folder .*; or name it with a prefix: drizzle-kit:DIR, prisma:DIR, django:DIR, flyway:DIR, golang-migrate:DIR, dbmate:DIR, goose:DIR$/);
  });
});

describe('settings and roles the shadow does not have', () => {
  it('SET of a parameter the shadow does not know (newer pg_dump, other server) is skipped with a notice', async () => {
    const file = writeFile(tempDir('settings'), 'dump.sql', 'SET transaction_timeout_from_the_future = 0;\nSET lock_timeout = 0;\nSET myapp.tenant = 7;\nCREATE TABLE t (id int);\n');
    const declared = await loadDeclared(file, NO_CACHE);
    expect(declared.schema.tables.map((t) => t.name)).toEqual(['t']);
    expect(declared.notices.find((n) => n.startsWith('skipped SET'))).toMatch(/^skipped SET of parameters PGlite .* does not know: transaction_timeout_from_the_future$/);
  });

  it('PGlite creates roles that policies, schema authorizations and grants name; OWNER TO is skipped, the GRANT is in the model', async () => {
    const file = writeFile(
      tempDir('roles'),
      'dump.sql',
      [
        'CREATE SCHEMA tenant AUTHORIZATION tenant_admin;',
        'CREATE TABLE tenant.notes (id int PRIMARY KEY, body text);',
        'ALTER TABLE tenant.notes OWNER TO "Tenant Owner";',
        'ALTER TABLE tenant.notes ENABLE ROW LEVEL SECURITY;',
        'CREATE POLICY notes_read ON tenant.notes FOR SELECT TO app_reader USING (true);',
        'GRANT SELECT ON tenant.notes TO app_reader;',
        '',
      ].join('\n'),
    );
    const declared = await loadDeclared(file, NO_CACHE);
    expect(declared.schema.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['tenant.notes']);
    expect(declared.notices).toContain('created roles the source refers to in the shadow: app_reader, tenant_admin');
    expect(declared.notices).toContain('skipped 1 statement about ownership and roles (OWNER TO, SET ROLE; GRANT and REVOKE where the shadow cannot create roles)');
    expect(declared.schema.objects.filter((o) => o.kind === 'grant' && o.on !== 'owners').map(describeObject)).toEqual(['grant SELECT on table tenant.notes to app_reader']);
    // AUTHORIZATION made tenant_admin the schema's owner in the shadow: the owners row says so (no privilege of its own).
    expect(declared.schema.objects.filter((o) => o.kind === 'grant' && o.on === 'owners')).toEqual([
      { kind: 'grant', on: 'owners', grantee: expect.any(String), owned: [['schema', 'tenant', '', '', 'tenant_admin']] },
    ]);
  });
});
