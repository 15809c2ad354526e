/**
 * Killed at any point, running apply again finishes the job: no duplicate
 * objects, no invalid index left behind, no row changed. Faults are injected
 * through RECONCILE_TEST_FAULT (read only by src/apply/fault.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { DECLARED, LIVE } from './fixtures.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-crash-'));
const declaredFile = path.join(dir, 'declared.sql');
writeFileSync(declaredFile, DECLARED);

async function state(db: TestDb): Promise<{ invalid: number; constraints: number; indexes: number; rows: string }> {
  const [r] = await db.query<{ invalid: number; constraints: number; indexes: number; rows: string }>(`
    SELECT (SELECT count(*)::int FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT i.indisvalid) AS invalid,
           (SELECT count(*)::int FROM pg_constraint WHERE connamespace = 'public'::regnamespace) AS constraints,
           (SELECT count(*)::int FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'public'::regnamespace) AS indexes,
           (SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) FROM (SELECT id, caller_id, room_id, status FROM calls) x) AS rows`);
  return r!;
}

describe('apply killed at any point', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('converges after a kill at every statement boundary', async () => {
    const db = await createDatabase('crash');
    dbs.push(db);
    await db.exec(LIVE);
    const before = await state(db);
    const planFile = path.join(dir, 'plan.json');
    expect((await runCli(['plan', '--url', db.url, '--from', declaredFile, '--out', planFile])).code).toBe(2);
    const total = (JSON.parse(readFileSync(planFile, 'utf8')) as { statements: unknown[] }).statements.length;
    expect(total).toBeGreaterThan(10);
    for (let k = 0; k < total; k++) {
      const run = await runCli(['apply', '--url', db.url, '--plan', planFile, '--force', '--no-rehearse'], { RECONCILE_TEST_FAULT: `after:${k}` });
      expect(run.signal, `run killed after statement ${k}`).toBe('SIGKILL');
      expect((await state(db)).invalid).toBe(0);
    }
    const final = await runCli(['apply', '--url', db.url, '--from', declaredFile]);
    expect(final.code).toBe(0);
    const after = await state(db);
    expect(after.invalid).toBe(0);
    expect(after.rows).toBe(before.rows);
    // 2 primary keys of new/old tables stay, plus declared FKs: no duplicates of any constraint or index.
    const verify = await runCli(['verify', '--url', db.url, '--from', declaredFile]);
    expect(verify.code).toBe(0);
    const names = await db.query<{ conname: string }>("SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1");
    expect(new Set(names.map((n) => n.conname)).size).toBe(names.length);
    expect(names.filter((n) => n.conname.includes('reconcile'))).toEqual([]);
    // One CLI process per statement boundary (~40): on a loaded 2-core machine that alone can take over a minute.
  }, 300_000);

  it('converges after a kill inside concurrent index builds, leaving no invalid index', async () => {
    const db = await createDatabase('crash_cic');
    dbs.push(db);
    await db.exec(LIVE);
    await db.exec("INSERT INTO users SELECT g, 'u' || g || '@x.org' FROM generate_series(2001, 300000) g; ANALYZE users;");
    const planFile = path.join(dir, 'plan-cic.json');
    await runCli(['plan', '--url', db.url, '--from', declaredFile, '--out', planFile]);
    const doc = JSON.parse(readFileSync(planFile, 'utf8')) as { statements: { sql: string }[] };
    // The build on the 300,000-row table is the slow one: kill inside it at several points.
    const k = doc.statements.findIndex((s) => s.sql.startsWith('CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email_idx"'));
    expect(k).toBeGreaterThan(0);
    const first = await runCli(['apply', '--url', db.url, '--plan', planFile, '--force', '--no-rehearse'], { RECONCILE_TEST_FAULT: `during:${k}:30` });
    expect(first.signal, `${first.stdout}\n${first.stderr}`).toBe('SIGKILL');
    for (const delay of [60, 120]) {
      // The server may finish a build whose client died; then the statement is skipped and the run ends normally.
      const run = await runCli(['apply', '--url', db.url, '--plan', planFile, '--force', '--no-rehearse'], { RECONCILE_TEST_FAULT: `during:${k}:${delay}` });
      expect(run.signal === 'SIGKILL' || run.code === 0, `${run.stdout}\n${run.stderr}`).toBe(true);
    }
    const final = await runCli(['apply', '--url', db.url, '--from', declaredFile]);
    expect(final.stderr).toBe('');
    expect(final.code).toBe(0);
    expect((await state(db)).invalid).toBe(0);
    expect((await runCli(['verify', '--url', db.url, '--from', declaredFile])).code).toBe(0);
  });
});
