/**
 * Drizzle schema modules as real projects have them: extensions used but never
 * created (drizzle-kit writes no CREATE EXTENSION), modules that print at import
 * time, and a monorepo package with tsconfig `paths` and workspace packages,
 * loaded from another working directory.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeclared } from '../../src/declared/index.js';
import { referencedExtensions } from '../../src/declared/extension-refs.js';
import { splitStatements } from '../../src/declared/split.js';
import { ReconcileError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { adminUrl, createDatabase, type TestDb } from '../helpers/db.js';
import { NO_CACHE, ROOT, SHARED_CACHE, tempDir, writeFile } from './helpers.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'drizzle');
const EXTENSIONS = path.join(FIXTURES, 'extensions', 'schema.ts');
const POSTGIS = path.join(FIXTURES, 'extensions', 'postgis.ts');
const PRINTING = path.join(FIXTURES, 'printing', 'schema.ts');
const THROWS = path.join(FIXTURES, 'printing', 'throws.ts');

/** A fresh XDG_CACHE_HOME (no cached model: the module is really imported), with PGlite's saved empty cluster if there is one. */
function freshCache(): string {
  const dir = tempDir('xdg');
  const target = path.join(dir, 'pg-reconcile');
  mkdirSync(target, { recursive: true });
  if (existsSync(SHARED_CACHE)) {
    for (const f of readdirSync(SHARED_CACHE)) if (/^pglite-.*\.tar$/.test(f)) copyFileSync(path.join(SHARED_CACHE, f), path.join(target, f));
  }
  return dir;
}

async function failure(p: Promise<unknown>): Promise<ReconcileError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReconcileError) return e;
    throw e;
  }
  throw new Error('expected a ReconcileError');
}

/** The plan's CREATE TABLE of `name`, or undefined. */
function createTable(plan: PlanJson, name: string): string | undefined {
  return plan.statements.find((s) => new RegExp(`^CREATE TABLE (?:IF NOT EXISTS )?(?:"?public"?\\.)?"?${name}"? `).test(s.sql))?.sql;
}

interface PlanJson {
  statements: { phase: string; sql: string }[];
  changes: { kind: string }[];
}

describe('extensions a Drizzle schema uses without creating them', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('are found by their functions, types and operator classes, not in names or strings', () => {
    const script = (sql: string, generated = false) => ({ file: 'x.sql', migration: null, statements: splitStatements(sql).statements, generated });
    const found = (sql: string) => referencedExtensions([script(sql)], []).map((u) => u.name);
    expect(found('CREATE TABLE t ("id" uuid DEFAULT uuid_generate_v4(), "email" "citext", tags hstore, body text)')).toEqual(['uuid-ossp', 'citext', 'hstore']);
    expect(found('CREATE INDEX i ON t USING gin ("name" gin_trgm_ops)')).toEqual(['pg_trgm']);
    expect(found("CREATE TABLE t (token text DEFAULT encode(gen_random_bytes(16), 'hex'), loc geometry(point, 4326))")).toEqual(['pgcrypto', 'postgis']);
    // gen_random_uuid() is core; a column named "digest" or citext, a string, a comment: nothing.
    expect(found(`CREATE TABLE t (id uuid DEFAULT gen_random_uuid(), "digest" text, "citext" text, note text DEFAULT 'uuid_generate_v4()') -- hstore`)).toEqual([]);
    // Created by the source itself: not created again.
    const created = [{ name: 'uuid-ossp', file: 'x.sql', line: 1 }];
    expect(referencedExtensions([script('CREATE TABLE t (id uuid DEFAULT uuid_generate_v4())')], created)).toEqual([]);
    // Generated DDL has no line to name.
    expect(referencedExtensions([script('SELECT 1;\nCREATE TABLE t (e citext)', true)], [])).toEqual([
      { name: 'citext', file: 'x.sql', line: 0, origin: 'referenced', what: 'the citext type' },
    ]);
  });

  it('PGlite creates them before the replay; they are part of the declared model', async () => {
    const declared = await loadDeclared(EXTENSIONS, NO_CACHE);
    expect(declared.schema.extensions.map((e) => e.name).sort()).toEqual(['citext', 'hstore', 'pg_trgm', 'pgcrypto', 'plpgsql', 'uuid-ossp']);
    const accounts = declared.schema.tables.find((t) => t.name === 'accounts');
    const col = (n: string) => accounts?.columns.find((c) => c.name === n);
    expect(col('id')?.default).toBe('public.uuid_generate_v4()');
    expect(col('email')?.type).toBe('public.citext');
    expect(col('attrs')?.type).toBe('public.hstore');
  });

  it('a server shadow (--shadow) creates them too', async () => {
    const declared = await loadDeclared(EXTENSIONS, { cache: false, shadowUrl: adminUrl() });
    expect(declared.schema.extensions.map((e) => e.name)).toEqual(expect.arrayContaining(['citext', 'hstore', 'pg_trgm', 'pgcrypto', 'uuid-ossp']));
    expect(declared.schema.tables.find((t) => t.name === 'accounts')?.columns.find((c) => c.name === 'id')?.default).toBe('public.uuid_generate_v4()');
  });

  it('plan creates a missing one before the table; a live database that has them is in sync', async () => {
    const db = await createDatabase('dzext');
    dbs.push(db);
    const env = { XDG_CACHE_HOME: freshCache() };
    const planned = await runCli(['plan', '--url', db.url, '--from', EXTENSIONS, '--format', 'json'], env);
    expect(planned.code, planned.stderr).toBe(2);
    const plan = JSON.parse(planned.stdout) as PlanJson;
    const sqls = plan.statements.map((s) => s.sql);
    const ossp = sqls.findIndex((s) => s.startsWith('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"'));
    const table = sqls.indexOf(createTable(plan, 'accounts') ?? '');
    expect(ossp, sqls.join('\n')).toBeGreaterThanOrEqual(0);
    expect(table, sqls.join('\n')).toBeGreaterThan(ossp);
    for (const name of ['citext', 'hstore', 'pg_trgm', 'pgcrypto']) expect(sqls.some((s) => s.startsWith(`CREATE EXTENSION IF NOT EXISTS "${name}" `))).toBe(true);

    // The plan applied: verify finds nothing missing and nothing extra.
    await db.exec(sqls.join(';\n'));
    const verified = await runCli(['verify', '--url', db.url, '--from', EXTENSIONS], env);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  it('an extension PGlite lacks: one line naming it and --shadow, exit 1', async () => {
    const db = await createDatabase('dzgis');
    dbs.push(db);
    const r = await runCli(['plan', '--url', db.url, '--from', POSTGIS, '--format', 'json'], { XDG_CACHE_HOME: freshCache() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `reconcile: ${POSTGIS}: a PostGIS type or function: extension "postgis" is not available in the PGlite shadow (replay it on a server that has the extension: --shadow postgres://user@host/db)\n`,
    );
  });

  it('--extension NAME creates one the source uses but nothing recognizes', async () => {
    const file = writeFile(tempDir('ltree'), 'dump.sql', 'CREATE TABLE paths (id int PRIMARY KEY, p ltree NOT NULL);\n');
    const without = await failure(loadDeclared(file, NO_CACHE));
    expect(without.message).toMatch(/type "ltree" does not exist/);
    expect(without.hint).toContain('--extension ltree');
    const declared = await loadDeclared(file, { ...NO_CACHE, extensions: ['ltree'] });
    expect(declared.schema.extensions.map((e) => e.name)).toContain('ltree');
    expect(declared.schema.tables[0]?.columns.find((c) => c.name === 'p')?.type).toBe('public.ltree');
    // Named again, or created by the source itself: once.
    const creates = writeFile(tempDir('ltree2'), 'dump.sql', 'CREATE EXTENSION ltree;\nCREATE TABLE paths (p ltree);\n');
    expect((await loadDeclared(creates, { ...NO_CACHE, extensions: ['ltree', 'LTREE'] })).schema.extensions.map((e) => e.name)).toContain('ltree');

    const pglite = await failure(loadDeclared(file, { ...NO_CACHE, extensions: ['postgis'] }));
    expect(pglite.oneLine()).toBe('--extension postgis: extension "postgis" is not available in the PGlite shadow (replay it on a server that has the extension: --shadow postgres://user@host/db)');
  });

  it('--extension with something that is no name: one line, exit 1', async () => {
    const r = await runCli(['plan', '--from', EXTENSIONS, '--extension', 'uuid ossp; DROP']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('reconcile: --extension "uuid ossp; DROP" is not an extension name (give one name per --extension, e.g. --extension uuid-ossp --extension postgis)\n');
    const alone = await runCli(['inspect', '--extension', 'citext']);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toBe('reconcile: --extension needs --from SOURCE\n');
  });
});

describe('a Drizzle module that prints at import time', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createDatabase('dzprint');
  });
  afterAll(async () => db?.drop());

  it('plan --format json: stdout is the JSON, the module lines are on stderr', async () => {
    const r = await runCli(['plan', '--url', db.url, '--from', PRINTING, '--format', 'json'], { XDG_CACHE_HOME: freshCache() });
    expect(r.code, r.stderr).toBe(2);
    const plan = JSON.parse(r.stdout) as PlanJson;
    expect(createTable(plan, 'notes')).toBeDefined();
    for (const line of ['schema: loading tables', 'schema: info line', 'schema: warn line', 'schema: raw write']) expect(r.stderr).toContain(`${line}\n`);
  });

  it('console and stdout are given back after the import, also when it fails', async () => {
    const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn, write: process.stdout.write };
    await loadDeclared(PRINTING, NO_CACHE);
    expect({ log: console.log, info: console.info, debug: console.debug, warn: console.warn, write: process.stdout.write }).toEqual(saved);
    const err = await failure(loadDeclared(THROWS, NO_CACHE));
    expect(err.message).toBe(`cannot load the Drizzle schema ${THROWS}: DATABASE_URL is not set`);
    expect({ log: console.log, info: console.info, debug: console.debug, warn: console.warn, write: process.stdout.write }).toEqual(saved);
  });
});

describe('a schema in a monorepo package, run from another folder', () => {
  let db: TestDb;
  let repo: string;
  let schema: string;
  beforeAll(async () => {
    db = await createDatabase('dzmono');
    // A copy laid out as a package manager leaves it: drizzle-orm hoisted to the root,
    // the workspace package linked into the package's own node_modules.
    repo = path.join(tempDir('monorepo'), 'monorepo');
    cpSync(path.join(FIXTURES, 'monorepo'), repo, { recursive: true });
    mkdirSync(path.join(repo, 'node_modules'), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', 'drizzle-orm'), path.join(repo, 'node_modules', 'drizzle-orm'), 'dir');
    mkdirSync(path.join(repo, 'packages', 'db', 'node_modules', '@app'), { recursive: true });
    symlinkSync('../../../ids', path.join(repo, 'packages', 'db', 'node_modules', '@app', 'ids'), 'dir');
    schema = path.join(repo, 'packages', 'db', 'src', 'schema.ts');
  });
  afterAll(async () => db?.drop());

  it('resolves the tsconfig paths alias and the workspace package from os.tmpdir()', async () => {
    const r = await runCli(['plan', '--url', db.url, '--from', schema, '--format', 'json'], { XDG_CACHE_HOME: freshCache() }, 120_000, os.tmpdir());
    expect(r.code, r.stderr).toBe(2);
    const plan = JSON.parse(r.stdout) as PlanJson;
    const create = createTable(plan, 'projects') ?? '';
    // id from @app/ids (workspace package), the timestamps from @app/shared/columns (paths alias).
    expect(create).toContain('"id" uuid DEFAULT public.uuid_generate_v4() NOT NULL');
    expect(create).toContain('"created_at" timestamp with time zone DEFAULT now() NOT NULL');
    expect(plan.statements.some((s) => s.sql.startsWith('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"'))).toBe(true);
  });

  it('a relative --from from another cwd loads the same model', async () => {
    const cwd = path.join(repo, '..');
    const rel = path.relative(cwd, schema);
    const r = await runCli(['inspect', '--from', rel, '--no-cache'], { XDG_CACHE_HOME: freshCache() }, 120_000, cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  public.projects: 4 columns, pk (id)');
  });
});
