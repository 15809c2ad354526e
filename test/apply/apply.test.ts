import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { DEFAULT_APPLY_OPTIONS, type ApplyEvent } from '../../src/apply/index.js';
import { execute } from '../../src/apply/execute.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runCli, startCli } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait.js';
import { DECLARED, LIVE } from './fixtures.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-apply-'));
const declaredFile = path.join(dir, 'declared.sql');
writeFileSync(declaredFile, DECLARED);

async function checksum(db: TestDb): Promise<string> {
  const rows = await db.query<{ t: string; h: string }>(
    `SELECT 'users' AS t, md5(string_agg(x::text, ',' ORDER BY x::text)) AS h FROM (SELECT id, email FROM users) x
     UNION ALL SELECT 'rooms', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM rooms x
     UNION ALL SELECT 'calls', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM (SELECT id, caller_id, room_id, status FROM calls) x`,
  );
  return rows.map((r) => `${r.t}:${r.h}`).join(' ');
}

async function freshLive(): Promise<TestDb> {
  const db = await createDatabase('apply');
  await db.exec(LIVE);
  return db;
}

async function holdIdleInTransaction(url: string, sql: string): Promise<pg.Client> {
  const c = new pg.Client(url);
  await c.connect();
  await c.query('BEGIN');
  await c.query(sql);
  return c;
}

describe('apply', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('repairs, verifies, and a second run changes nothing', async () => {
    const db = await freshLive();
    dbs.push(db);
    const before = await checksum(db);
    const first = await runCli(['apply', '--url', db.url, '--from', declaredFile]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/verified: the live database matches the plan/);
    const model = await db.inspect();
    const second = await runCli(['apply', '--url', db.url, '--from', declaredFile]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/applied: 0 statement\(s\) run/);
    expect(await db.inspect()).toEqual(model);
    expect(await checksum(db)).toBe(before);
    expect((await runCli(['verify', '--url', db.url, '--from', declaredFile])).code).toBe(0);
  });

  it('refuses at preflight while an idle transaction holds a lock on a table it alters, then finishes once it is released', async () => {
    const db = await freshLive();
    dbs.push(db);
    const holder = await holdIdleInTransaction(db.url, 'SELECT count(*) FROM calls');
    try {
      const refused = await runCli(['apply', '--url', db.url, '--from', declaredFile]);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/sessions hold or wait for locks on tables the plan changes: pid \d+ holds AccessShareLock on public\.calls/);
      expect((await db.query<{ n: string }>("SELECT count(*)::text AS n FROM pg_constraint WHERE conname = 'calls_caller_fk'"))[0]?.n).toBe('0');
      const waiting = startCli(['apply', '--url', db.url, '--from', declaredFile, '--wait-for-blockers', '60s']);
      // Release the holder only once the run says it waits for it (a condition, not a sleep).
      await waiting.waitFor(/waiting for sessions \d+/);
      await holder.query('COMMIT');
      const done = await waiting.done;
      expect(done.code).toBe(0);
      expect(done.stdout).toMatch(/waiting for sessions \d+/);
      expect(done.stdout).toMatch(/verified/);
    } finally {
      await holder.end().catch(() => undefined);
    }
  });

  it('waits out a lock it cannot get with short lock timeouts and retries, then succeeds', async () => {
    const db = await freshLive();
    dbs.push(db);
    const { plan } = await planRepair({ url: db.url, from: declaredFile });
    const holder = await holdIdleInTransaction(db.url, 'LOCK TABLE calls IN ACCESS EXCLUSIVE MODE');
    const client = new pg.Client(db.url);
    await client.connect();
    const events: ApplyEvent[] = [];
    try {
      // The holder lets go after the second retry: the run must have timed out on the lock twice by then.
      let released = false;
      const onEvent = (e: ApplyEvent): void => {
        events.push(e);
        if (!released && events.filter((x) => x.event === 'retry').length >= 2) {
          released = true;
          void holder.query('COMMIT');
        }
      };
      const result = await execute(client, plan.statements, { ...DEFAULT_APPLY_OPTIONS, lockTimeoutMs: 200, retries: 30, backoffMs: 50 }, onEvent);
      expect(released).toBe(true);
      expect(result.complete).toBe(true);
      const retries = events.filter((e) => e.event === 'retry');
      expect(retries.length).toBeGreaterThanOrEqual(2);
      expect(retries.every((e) => e.event === 'retry' && e.code === '55P03')).toBe(true);
    } finally {
      await client.end();
      await holder.end().catch(() => undefined);
    }
  });

  it('stops cleanly when retries run out, and a second run finishes', async () => {
    const db = await freshLive();
    dbs.push(db);
    const { plan } = await planRepair({ url: db.url, from: declaredFile });
    const holder = await holdIdleInTransaction(db.url, 'LOCK TABLE calls IN ACCESS EXCLUSIVE MODE');
    const client = new pg.Client(db.url);
    await client.connect();
    try {
      const result = await execute(client, plan.statements, { ...DEFAULT_APPLY_OPTIONS, lockTimeoutMs: 100, retries: 2, backoffMs: 20 }, () => undefined);
      expect(result.complete).toBe(false);
      expect(result.stopReason).toMatch(/could not get the lock after 3 attempt\(s\) of 100ms/);
      await holder.query('COMMIT');
      const again = await runCli(['apply', '--url', db.url, '--from', declaredFile]);
      expect(again.code).toBe(0);
    } finally {
      await client.end();
      await holder.end().catch(() => undefined);
    }
  });

  it('lets only one run at a time: the second exits 3 naming the holder', async () => {
    const db = await freshLive();
    dbs.push(db);
    const holder = new pg.Client(db.url);
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, $2)', [0x7265636f, 0x6e63696c]);
      const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      const second = await runCli(['apply', '--url', db.url, '--from', declaredFile]);
      expect(second.code).toBe(3);
      expect(second.stderr).toContain(`another reconcile apply is running on this database (pid ${pid})`);
      const [a, b] = await Promise.all([
        (async () => {
          // Unlock once the other run is polling for the lock (seen in pg_stat_activity), not after a sleep.
          await waitUntil(async () => {
            const rows = await db.query<{ n: string }>(
              "SELECT count(*)::text AS n FROM pg_stat_activity WHERE application_name = 'pg-reconcile' AND query LIKE '%pg_try_advisory_lock%' AND pid <> pg_backend_pid()",
            );
            return rows[0]?.n !== '0';
          }, 'the second run polls for the run lock');
          await holder.query('SELECT pg_advisory_unlock_all()');
          return runCli(['apply', '--url', db.url, '--from', declaredFile, '--wait', '60s']);
        })(),
        runCli(['apply', '--url', db.url, '--from', declaredFile, '--wait', '60s']),
      ]);
      expect([a.code, b.code]).toEqual([0, 0]);
      const fks = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM pg_constraint WHERE conrelid = 'calls'::regclass AND contype = 'f'");
      expect(fks[0]?.n).toBe('2');
    } finally {
      await holder.end();
    }
  });

  it('refuses a saved plan when the live schema changed, or when the plan was edited', async () => {
    const db = await freshLive();
    dbs.push(db);
    const planFile = path.join(dir, `plan-${db.name}.json`);
    const planned = await runCli(['plan', '--url', db.url, '--from', declaredFile, '--out', planFile]);
    expect(planned.code).toBe(2);
    const doc = JSON.parse(readFileSync(planFile, 'utf8')) as { statements: { sql: string }[] };
    doc.statements[0]!.sql = 'DROP TABLE users';
    const editedFile = path.join(dir, `edited-${db.name}.json`);
    writeFileSync(editedFile, JSON.stringify(doc));
    const refusedEdit = await runCli(['apply', '--url', db.url, '--plan', editedFile]);
    expect(refusedEdit.code).toBe(3);
    expect(refusedEdit.stderr).toMatch(/were changed after it was written/);
    await db.exec('CREATE TABLE unrelated (id int)');
    const stale = await runCli(['apply', '--url', db.url, '--plan', planFile]);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(/live schema changed since this plan was made/);
    await db.exec('DROP TABLE unrelated');
    const ok = await runCli(['apply', '--url', db.url, '--plan', planFile]);
    expect(ok.code).toBe(0);
  });
});
