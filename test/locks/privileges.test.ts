import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readLockReport, terminate } from '../../src/locks/index.js';
import { adminUrl, createDatabase, type TestDb } from '../helpers/db.js';
import { background, cli, printed, Sessions } from './helpers.js';

describe('a role without superuser or pg_read_all_stats', () => {
  let db: TestDb;
  let sessions: Sessions;
  const role = `locks_reader_${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  let readerUrl: string;

  beforeAll(async () => {
    db = await createDatabase('locks_priv');
    await db.exec(`CREATE ROLE ${role} LOGIN PASSWORD '${password}';
                   CREATE TABLE orders (id int); INSERT INTO orders VALUES (1);
                   GRANT SELECT ON orders TO ${role};`);
    const u = new URL(db.url);
    u.username = role;
    u.password = password;
    readerUrl = u.toString();
  });
  afterEach(async () => sessions?.closeAll());
  afterAll(async () => {
    // Dropping the database drops the role's grants there; the role itself is global.
    await db?.drop();
    const admin = new pg.Client(adminUrl());
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('still sees the blocking chain, with other roles hidden, and says what it cannot see', async () => {
    sessions = new Sessions(db.url);
    const a = await sessions.session('lock-a-superuser');
    await a.client.query('BEGIN');
    await a.client.query('SELECT * FROM orders');
    const b = await sessions.session('lock-b-superuser');
    const bQuery = background(b, 'ALTER TABLE orders ADD COLUMN note text');
    await sessions.waitBlocked(b.pid, [a.pid]);
    const r2 = await sessions.session('lock-reader-app', readerUrl);
    const rQuery = background(r2, 'SELECT count(*) AS n FROM orders');
    await sessions.waitBlocked(r2.pid, [b.pid]);

    const reader = await sessions.session('lock-reader-doctor', readerUrl);
    const report = await readLockReport(reader.client, { olderThanMs: 0 });
    expect(report.role).toBe(role);
    expect(report.blocking).toEqual([{ pid: a.pid, repeated: false, children: [{ pid: b.pid, repeated: false, children: [{ pid: r2.pid, repeated: false, children: [] }] }] }]);
    const sa = report.sessions.find((s) => s.pid === a.pid)!;
    expect(sa).toMatchObject({ hidden: true, user: 'postgres', state: null, query: null, xactAgeMs: null, applicationName: null });
    expect(sa.locks).toContainEqual(expect.objectContaining({ relation: { schema: 'public', name: 'orders' }, mode: 'AccessShareLock', granted: true }));
    const mine = report.sessions.find((s) => s.pid === r2.pid)!;
    expect(mine).toMatchObject({ hidden: false, user: role, query: 'SELECT count(*) AS n FROM orders', state: 'active' });
    // A is idle in transaction, but this role cannot know it: the limits say so.
    expect(report.idleInTransaction).toEqual([]);
    expect(report.limits).toHaveLength(2);
    expect(report.limits[0]).toMatch(new RegExp(`role "${role}" is not a member of pg_read_all_stats.*session\\(s\\) of "postgres"`));
    expect(report.limits[1]).toMatch(/pg_signal_backend/);

    const denied = await terminate(reader.client, [a.pid], { mode: 'terminate' });
    expect(denied).toEqual([{ pid: a.pid, mode: 'terminate', ok: false, outcome: 'permission-denied', reason: expect.stringMatching(/^permission denied: /) }]);
    expect(await sessions.alive(a.pid)).toBe(true);

    const run = await cli('locks', '--url', readerUrl);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('(state, application, query and ages hidden from this role)');
    expect(run.stdout).toMatch(/\nLimits:\n {2}- role "locks_reader_\w+" is not a member of pg_read_all_stats/);
    const act = await cli('locks', '--url', readerUrl, '--terminate', String(a.pid), '--yes');
    expect(act.code).toBe(1);
    expect(act.stdout).toContain(`pid ${a.pid}: not terminated (permission-denied): permission denied`);
    for (const text of printed) expect(text).not.toContain(password);

    // Unblock and let the queue drain before the sessions close.
    await a.client.query('ROLLBACK');
    expect((await bQuery.settled).ok).toBe(true);
    expect((await rQuery.settled).ok).toBe(true);
  });

  it('with pg_read_all_stats it sees everything and reports no visibility limit', async () => {
    await db.exec(`GRANT pg_read_all_stats TO ${role}`);
    try {
      sessions = new Sessions(db.url);
      const a = await sessions.session('lock-a-superuser');
      await a.client.query('BEGIN');
      await a.client.query('SELECT * FROM orders');
      const reader = await sessions.session('lock-reader-doctor', readerUrl);
      const report = await readLockReport(reader.client, { olderThanMs: 0 });
      const sa = report.sessions.find((s) => s.pid === a.pid)!;
      expect(sa).toMatchObject({ hidden: false, state: 'idle in transaction', query: 'SELECT * FROM orders', applicationName: 'lock-a-superuser' });
      expect(report.idleInTransaction).toEqual([a.pid]);
      expect(report.limits.some((l) => l.includes('pg_read_all_stats'))).toBe(false);
      expect(report.limits).toEqual([expect.stringMatching(/pg_signal_backend/)]);
    } finally {
      await db.exec(`REVOKE pg_read_all_stats FROM ${role}`);
    }
  });
});
