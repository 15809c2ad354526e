import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReconcileError } from '../../src/errors.js';
import { blockersFor, readLockReport, renderLockReportText, terminate, type LockReport, type LockSession } from '../../src/locks/index.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { background, blockingChain, Sessions, waitFor } from './helpers.js';

const TABLE = { schema: 'app', name: 'Chat Call"Log' };

describe('lock report on a live server', () => {
  let db: TestDb;
  let sessions: Sessions;
  let reporter: pg.Client;
  let reporterPid: number;

  beforeAll(async () => {
    db = await createDatabase('locks_report');
    await db.exec(`CREATE SCHEMA app; CREATE TABLE app."Chat Call""Log" (id int); INSERT INTO app."Chat Call""Log" VALUES (1), (2); CREATE TABLE app.other (id int);`);
    reporter = new pg.Client(db.url);
    await reporter.connect();
    reporterPid = (await reporter.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  });
  afterEach(async () => sessions?.closeAll());
  afterAll(async () => {
    await reporter?.end();
    await db?.drop();
  });

  const report = (olderThanMs = 60_000, relations?: { schema: string; name: string }[]): Promise<LockReport> =>
    readLockReport(reporter, { olderThanMs, relations });
  const session = (r: LockReport, pid: number): LockSession => {
    const s = r.sessions.find((x) => x.pid === pid);
    if (!s) throw new Error(`pid ${pid} not in the report`);
    return s;
  };

  it('shows the chain A -> B -> C with relation and lock modes, and leaves itself out', async () => {
    sessions = new Sessions(db.url);
    const { a, b, c } = await blockingChain(sessions, TABLE);
    const r = await report();

    expect(r.blocking).toEqual([{ pid: a.pid, repeated: false, children: [{ pid: b.pid, repeated: false, children: [{ pid: c.pid, repeated: false, children: [] }] }] }]);
    expect(r.sessions.map((s) => s.pid)).not.toContain(reporterPid);

    const sa = session(r, a.pid);
    expect(sa).toMatchObject({ state: 'idle in transaction', applicationName: 'lock-a', blockedBy: [], waitingFor: null, hidden: false });
    expect(sa.query).toBe('SELECT count(*) FROM "app"."Chat Call""Log"');
    expect(sa.locks).toContainEqual(expect.objectContaining({ relation: TABLE, mode: 'AccessShareLock', granted: true }));
    expect(sa.xactAgeMs).toBeGreaterThanOrEqual(0);

    const sb = session(r, b.pid);
    expect(sb).toMatchObject({ state: 'active', waitEventType: 'Lock', waitEvent: 'relation', blockedBy: [a.pid] });
    expect(sb.waitingFor).toMatchObject({ locktype: 'relation', mode: 'AccessExclusiveLock', relation: TABLE });
    expect(sb.locks).toContainEqual(expect.objectContaining({ relation: TABLE, mode: 'AccessExclusiveLock', granted: false }));

    const sc = session(r, c.pid);
    expect(sc).toMatchObject({ blockedBy: [b.pid], waitingFor: expect.objectContaining({ mode: 'AccessShareLock', relation: TABLE }) });

    const text = renderLockReportText(r);
    const lines = text.split('\n');
    const ia = lines.findIndex((l) => l.startsWith(`  pid ${a.pid} `));
    expect(ia).toBeGreaterThan(0);
    expect(lines[ia]).toContain('idle in transaction for');
    expect(lines[ia]).toContain('holds AccessShareLock on app."Chat Call\\"Log"');
    expect(lines[ia]).toContain('blocks 2 sessions');
    expect(lines[ia + 1]).toMatch(new RegExp(`^  └─ pid ${b.pid} .*waits AccessExclusiveLock on app\\."Chat Call\\\\"Log".*\\| ALTER TABLE`));
    expect(lines[ia + 2]).toMatch(new RegExp(`^     └─ pid ${c.pid} .*waits AccessShareLock on app\\."Chat Call\\\\"Log".*\\| SELECT count`));
    expect(text).toContain(`reconcile locks --terminate ${a.pid} --yes`);
  });

  it('names exactly the sessions on given relations, and what blocks a lock mode there', async () => {
    sessions = new Sessions(db.url);
    const { a, b, c } = await blockingChain(sessions, TABLE);
    const idle = await sessions.session('lock-other');
    await idle.client.query('BEGIN');
    await idle.client.query('SELECT * FROM app.other');

    const r = await report(60_000, [TABLE, { schema: 'app', name: 'missing' }]);
    expect(r.relations).toEqual({
      requested: [{ ...TABLE, exists: true }, { schema: 'app', name: 'missing', exists: false }],
      pids: [a.pid, b.pid, c.pid].sort((x, y) => x - y),
    });
    const forDdl = blockersFor(r, [TABLE]);
    expect(forDdl.map((x) => [x.pid, x.mode, x.granted]).sort()).toEqual(
      [
        [a.pid, 'AccessShareLock', true],
        [b.pid, 'AccessExclusiveLock', false],
        [c.pid, 'AccessShareLock', false],
      ].sort(),
    );
    // A plain read conflicts only with the queued ALTER TABLE.
    expect(blockersFor(r, [TABLE], 'AccessShareLock').map((x) => x.pid)).toEqual([b.pid]);
    // The other table: only the idle reader, whose lock blocks DDL but not a write.
    expect(blockersFor(r, [{ schema: 'app', name: 'other' }]).map((x) => x.pid)).toEqual([idle.pid]);
    expect(blockersFor(r, [{ schema: 'app', name: 'other' }], 'RowExclusiveLock')).toEqual([]);
    expect(blockersFor(r, [{ schema: 'app', name: 'missing' }])).toEqual([]);
  });

  it('terminating A ends only A; B and C proceed', async () => {
    sessions = new Sessions(db.url);
    const { a, b, c, bQuery, cQuery } = await blockingChain(sessions, TABLE);
    const results = await terminate(reporter, [a.pid], { mode: 'terminate' });
    expect(results).toEqual([{ pid: a.pid, mode: 'terminate', ok: true, outcome: 'terminated', reason: null }]);
    expect(await sessions.alive(a.pid)).toBe(false);
    expect((await bQuery.settled).ok).toBe(true);
    expect(await cQuery.settled).toEqual({ ok: true, rows: [{ n: '2' }] });
    expect(await sessions.alive(b.pid)).toBe(true);
    expect(await sessions.alive(c.pid)).toBe(true);
    expect((await c.client.query('SELECT 1 AS x')).rows).toEqual([{ x: 1 }]);
    await expect(a.client.query('SELECT 1')).rejects.toThrow();
    const after = await report();
    expect(after.blocking).toEqual([]);
  });

  it('refuses to signal its own session, before signalling anything', async () => {
    sessions = new Sessions(db.url);
    const other = await sessions.session('lock-bystander');
    const err = await terminate(reporter, [other.pid, reporterPid], { mode: 'terminate' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReconcileError);
    expect(err).toMatchObject({ code: 'bad-input', message: expect.stringContaining(`pid ${reporterPid}`) });
    expect(await sessions.alive(other.pid)).toBe(true);
    await expect(terminate(reporter, [reporterPid], { mode: 'cancel' })).rejects.toMatchObject({ code: 'bad-input' });
    expect((await reporter.query('SELECT 1 AS x')).rows).toEqual([{ x: 1 }]);
    await expect(terminate(reporter, [0], { mode: 'terminate' })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('says when a pid does not exist', async () => {
    const results = await terminate(reporter, [2_147_483_000], { mode: 'terminate' });
    expect(results).toEqual([{ pid: 2_147_483_000, mode: 'terminate', ok: false, outcome: 'not-found', reason: expect.stringContaining('no session with pid 2147483000') }]);
  });

  it('--cancel cancels a running query and keeps the session', async () => {
    sessions = new Sessions(db.url);
    const d = await sessions.session('lock-sleeper');
    const sleeping = background(d, 'SELECT pg_sleep(60)');
    await sessions.waitState(d.pid, (r) => r.state === 'active' && r.wait_event === 'PgSleep', 'sleeping');
    const results = await terminate(reporter, [d.pid], { mode: 'cancel' });
    expect(results).toEqual([{ pid: d.pid, mode: 'cancel', ok: true, outcome: 'cancelled', reason: null }]);
    expect(await sleeping.settled).toMatchObject({ ok: false, error: { code: '57014' } });
    expect((await d.client.query('SELECT 1 AS x')).rows).toEqual([{ x: 1 }]);
  });

  it('lists idle-in-transaction sessions and old transactions by the threshold', async () => {
    sessions = new Sessions(db.url);
    const plain = await sessions.session('lock-plain-idle');
    const e = await sessions.session('lock-idle');
    await e.client.query('BEGIN');
    await e.client.query('SELECT 1');
    await sessions.waitState(e.pid, (r) => r.state === 'idle in transaction', 'idle in transaction');

    const hour = await report(3_600_000);
    expect(session(hour, e.pid).state).toBe('idle in transaction');
    expect(hour.idleInTransaction).toEqual([]);
    expect(hour.oldTransactions).toEqual([]);
    expect(hour.blocking).toEqual([]);

    const short = await waitFor('the idle session to pass 200ms', async () => {
      const r = await report(200);
      return r.idleInTransaction.includes(e.pid) ? r : undefined;
    });
    expect(short.idleInTransaction).toEqual([e.pid]);
    expect(short.oldTransactions).toContain(e.pid);
    // A session outside any transaction has no transaction age, whatever the threshold.
    const zero = await report(0);
    expect(session(zero, plain.pid)).toMatchObject({ state: 'idle', xactAgeMs: null });
    expect(zero.oldTransactions).not.toContain(plain.pid);
    expect(zero.idleInTransaction).not.toContain(plain.pid);
    expect(session(short, e.pid).stateAgeMs).toBeGreaterThanOrEqual(200);
    expect(renderLockReportText(short)).toMatch(new RegExp(`Idle in transaction for 200ms or more: 1\\n  pid ${e.pid} `));
  });
});
