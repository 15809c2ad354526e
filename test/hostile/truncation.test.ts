/**
 * PostgreSQL keeps 63 bytes of an identifier. A declared name longer than that is
 * stored truncated on both sides (in sync, and the tool says so); two declared
 * names that differ only after byte 63 are one name to PostgreSQL: the source is
 * refused with one line naming the file, the line and the clash.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { COLLIDING, truncated } from './corpus.js';
import { q } from '../property/quote.js';

const dbs: TestDb[] = [];
let dir: string;
const LONG = 'é'.repeat(40); // 80 bytes: kept as 31 characters (62 bytes)

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-truncation-'));
});
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});

async function fresh(sql: string): Promise<TestDb> {
  const db = await createDatabase('trunc');
  dbs.push(db);
  if (sql) await db.exec(sql);
  return db;
}

const errorLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.trim() !== '');

describe('names longer than 63 bytes', () => {
  it('a long declared name is compared as PostgreSQL stores it: in sync with a database built from the same DDL', async () => {
    const ddl = `CREATE TABLE ${q(LONG)} (${q(LONG + 'x')} int);\nCREATE INDEX ${q('idx_' + LONG)} ON ${q(LONG)} (${q(LONG + 'x')});\n`;
    const file = path.join(dir, 'long.sql');
    writeFileSync(file, ddl);
    const live = await fresh(ddl);
    const verify = await runCli(['verify', '--url', live.url, '--from', file]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const [row] = await live.query<{ n: string }>(`SELECT relname AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`);
    expect(row?.n).toBe(truncated(LONG));
  });

  it('on an empty database the plan creates the name as PostgreSQL stores it (truncated), without complaint', async () => {
    const file = path.join(dir, 'long-plan.sql');
    writeFileSync(file, `CREATE TABLE ${q(LONG)} (a int);\n`);
    const live = await fresh('');
    const plan = await runCli(['plan', '--url', live.url, '--from', file, '--format', 'sql']);
    expect(plan.code, plan.stderr).toBe(2);
    expect(plan.stdout).toContain(`CREATE TABLE IF NOT EXISTS "public".${q(truncated(LONG))}`);
    expect(plan.stdout).not.toContain(q(LONG));
    // The shadow's "identifier ... will be truncated" NOTICE is not passed on (see the report): nothing on stderr.
    expect(plan.stderr).toBe('');
  });

  it('two names that differ only after byte 63: one clear line, exit 1, nothing written', async () => {
    const [a, b] = COLLIDING;
    const file = path.join(dir, 'collide.sql');
    writeFileSync(file, `CREATE TABLE ${q(a)} (a int);\nCREATE TABLE ${q(b)} (b int);\n`);
    const live = await fresh('');
    const seen = new Set<string>();
    for (const args of [['plan', '--format', 'sql'], ['apply'], ['verify']]) {
      const r = await runCli([args[0] as string, '--url', live.url, '--from', file, ...args.slice(1)]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const lines = errorLines(r.stderr);
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^reconcile: /);
      expect(lines[0]).toContain('collide.sql:2');
      expect(lines[0]).toContain('already exists');
      expect(lines[0]).not.toMatch(/\n|    at /);
      seen.add(lines[0] ?? '');
    }
    const tables = await live.query(`SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace`);
    expect(tables).toEqual([]);
    process.stdout.write(`collision message: ${[...seen].join(' | ')}\n`);
  });
});
