/**
 * Hostile identifiers and values round-trip: introspection reads every name back
 * exactly (truncated to 63 bytes as PostgreSQL stores it), the plan script run by
 * psql converges, and the CLI (`apply --from file.sql`, `verify`, `plan`) does the
 * same from a declared .sql file replayed in the PGlite shadow.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../../src/db/pool.js';
import { compare } from '../../src/diff/index.js';
import { isInformational } from '../../src/diff/changes.js';
import { CATALOG_SETTINGS, inspect } from '../../src/introspect/index.js';
import { tablesWithRows } from '../../src/introspect/rows.js';
import type { Schema } from '../../src/model/types.js';
import { plan as makePlan } from '../../src/plan/index.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import { runCli } from '../helpers/cli.js';
import { adminUrl, createDatabase, serverVersion, type TestDb } from '../helpers/db.js';
import { runScript } from '../helpers/script.js';
import { recordStats } from '../property/stats.js';
import { NAMES, VALUES, truncated } from './corpus.js';
import { hostileSchema } from './schema.js';

const H = hostileSchema(NAMES, VALUES);
/**
 * PGlite drops a leading U+FEFF from every text value it returns (its protocol
 * reader decodes with a TextDecoder that strips a byte order mark), so names that
 * start with one cannot go through the default shadow; see the it.fails below.
 */
const startsWithBom = (n: string): boolean => n.startsWith('\ufeff');
const P = hostileSchema(NAMES.filter((n) => !startsWithBom(n)), VALUES.filter((v) => !startsWithBom(v)));
const HEADER = { source: 'declared.sql', target: 'live', serverVersion: 'N', toolVersion: 'test', plannedAt: 'T', liveHash: 'H', lockTimeout: '2s' };
const dbs: TestDb[] = [];
let dir: string;
let declaredFile: string;
let pgliteFile: string;

async function fresh(prefix: string, sql?: string): Promise<TestDb> {
  const db = await createDatabase(prefix);
  dbs.push(db);
  if (sql) await db.exec(sql);
  return db;
}

async function model(db: TestDb): Promise<Schema> {
  const pool = await openPool(db.connection, { max: 4, settings: CATALOG_SETTINGS });
  try {
    return (await inspect(pool)).schema;
  } finally {
    await pool.end();
  }
}

/** Names per role, as the model holds them. */
function roles(m: Schema): Record<string, string[]> {
  const table = (s: string, n: string) => m.tables.find((t) => t.schema === s && t.name === n);
  const base = table('h_indexes', 'base');
  const sorted = (xs: string[]): string[] => [...xs].sort();
  return {
    schemas: sorted(m.schemas.filter((s) => m.tables.some((t) => t.schema === s && t.name === 't'))),
    tables: sorted(m.tables.filter((t) => t.schema === 'h_tables').map((t) => t.name)),
    columns: sorted(base?.columns.map((c) => c.name) ?? []),
    checks: sorted(m.tables.filter((t) => t.schema === 'h_tables').flatMap((t) => t.checks.map((c) => c.name))),
    foreignKeys: sorted(base?.foreignKeys.map((f) => f.name) ?? []),
    uniques: sorted(table('h_uniques', 'base')?.uniques.map((u) => u.name) ?? []),
    indexes: sorted(base?.indexes.map((i) => i.name) ?? []),
    enums: sorted(m.enums.filter((e) => e.schema === 'h_types').map((e) => e.name)),
  };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-hostile-'));
  declaredFile = path.join(dir, 'declared.sql');
  writeFileSync(declaredFile, H.declared);
  pgliteFile = path.join(dir, 'declared-pglite.sql');
  writeFileSync(pgliteFile, P.declared);
  recordStats({ suite: 'hostile', identifiers: NAMES.length + 2, failures: 0 });
});

afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});

describe(`hostile identifiers (${NAMES.length} names, ${VALUES.length} values)`, () => {
  let declared: TestDb;
  let declaredModel: Schema;
  let pgliteModel: Schema;

  beforeAll(async () => {
    declared = await fresh('hostile_declared', H.declared);
    declaredModel = await model(declared);
    pgliteModel = await model(await fresh('hostile_pglite_declared', P.declared));
  });

  it('introspection reads every name back exactly (truncated to 63 bytes, as stored)', () => {
    const got = roles(declaredModel);
    for (const role of Object.keys(got)) expect(got[role], role).toEqual(H.expect[role as keyof typeof H.expect]);
    const labels = declaredModel.enums.find((e) => e.schema === 'h_values' && e.name === 'labels')?.labels;
    expect(labels).toEqual(H.expect.labels);
  });

  it('string defaults and enum labels with quotes and backslashes evaluate back to the same values', async () => {
    const vals = declaredModel.tables.find((t) => t.schema === 'h_values' && t.name === 'vals');
    const defaults = vals?.columns.map((c) => c.default) ?? [];
    expect(defaults.every((d) => d !== null)).toBe(true);
    // Evaluate each deparsed default: it must give back the value that was declared.
    const rows = await declared.query<{ v: string[] }>(`SELECT ARRAY[${defaults.map((d) => `(${d})::text`).join(', ')}] AS v`);
    expect(rows[0]?.v).toEqual([...H.expect.defaults, ...H.expect.labels]);
  });

  it('the plan converges through psql: every missing piece of every name is repaired, rows untouched', async () => {
    const live = await fresh('hostile_live', H.partial);
    const before = await model(live);
    const changes = compare(declaredModel, before);
    const count = (kind: string): number => changes.filter((c) => c.kind === kind).length;
    const n = H.expect.tables.length;
    expect(count('missing-check')).toBe(n);
    expect(count('missing-foreign-key')).toBe(n);
    expect(count('missing-unique')).toBe(n);
    expect(count('missing-index')).toBe(n);
    expect(count('missing-primary-key')).toBe(n);
    expect(count('missing-enum-value')).toBe(NAMES.length + H.expect.labels.length - 1);
    expect(count('default-differs')).toBe(H.expect.defaults.length + H.expect.labels.length);

    const pool = await openPool(live.connection, { max: 1 });
    const touched = changes.flatMap((c) => ('table' in c && c.table ? [{ schema: c.table.schema, name: c.table.name }] : []));
    const rows = await tablesWithRows(pool, touched);
    await pool.end();
    const p = makePlan(changes, { serverVersion: serverVersion(), tablesWithRows: rows, options: {} });
    expect(p.withheld).toEqual([]);
    const script = renderPlanSql(p, HEADER);
    const sums = `SELECT md5(string_agg(b::text, ',')) AS h FROM h_indexes.base b`;
    const [sumBefore] = await live.query<{ h: string }>(sums);
    await runScript(live.url, script);
    const after = await model(live);
    expect(compare(declaredModel, after).filter((c) => !isInformational(c))).toEqual([]);
    // psql ran no meta-command hidden in a name.
    expect(() => readFileSync('/tmp/pwned')).toThrow();
    await runScript(live.url, script);
    expect(await model(live)).toEqual(after);
    const [sumAfter] = await live.query<{ h: string }>(sums);
    expect(sumAfter?.h).toBe(sumBefore?.h);
    // The whole corpus through the CLI, replayed on a server shadow.
    const verify = await runCli(['verify', '--url', live.url, '--from', declaredFile, '--shadow', adminUrl()], {}, 300_000);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });

  it('reconcile apply --from declared.sql repairs the partial database, verify then exits 0', async () => {
    const live = await fresh('hostile_cli', P.partial);
    const apply = await runCli(['apply', '--url', live.url, '--from', pgliteFile], {}, 300_000);
    expect(apply.stderr.split('\n').filter((l) => l.startsWith('reconcile:') && !l.includes('skipped'))).toEqual([]);
    expect(apply.code, apply.stdout.slice(-3000) + apply.stderr).toBe(0);
    expect(apply.stdout).toContain('verified');
    const verify = await runCli(['verify', '--url', live.url, '--from', pgliteFile]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(roles(await model(live))).toEqual(roles(pgliteModel));
  });

  it('reconcile plan writes a script that psql runs on an empty database; plan text and JSON render the names', async () => {
    const live = await fresh('hostile_empty');
    const out = path.join(dir, 'repair.sql');
    const planned = await runCli(['plan', '--url', live.url, '--from', pgliteFile, '--out', out], {}, 300_000);
    expect(planned.code, planned.stderr).toBe(2);
    await runScript(live.url, readFileSync(out, 'utf8'));
    const verify = await runCli(['verify', '--url', live.url, '--from', pgliteFile]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(roles(await model(live))).toEqual(roles(pgliteModel));

    const partial = await fresh('hostile_render', P.partial);
    const json = await runCli(['plan', '--url', partial.url, '--from', pgliteFile, '--format', 'json']);
    expect(json.code, json.stderr).toBe(2);
    const doc = JSON.parse(json.stdout) as { statements: { sql: string }[] };
    expect(doc.statements.length).toBeGreaterThan(NAMES.length);
    const text = await runCli(['plan', '--url', partial.url, '--from', pgliteFile, '--format', 'text']);
    expect(text.code, text.stderr).toBe(2);
    expect(text.stderr).toBe('');
    for (const n of ['x"; DROP TABLE t; --', 'עברית', '$reconcile$']) expect(text.stdout).toContain(JSON.stringify(truncated(n)).slice(1, -1));
  });

  it.fails('known bug: the PGlite shadow drops a leading U+FEFF from every name it reads back (names starting with a byte order mark need --shadow URL)', async () => {
    const file = path.join(dir, 'bom.sql');
    writeFileSync(file, 'CREATE TABLE "\ufeffbom" (a int);\n');
    const live = await fresh('hostile_bom', 'CREATE TABLE "\ufeffbom" (a int);');
    const verify = await runCli(['verify', '--url', live.url, '--from', file]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});
