import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_REPORT_FORMAT_VERSION } from '../../src/locks/index.js';
import { adminUrl, createDatabase, type TestDb } from '../helpers/db.js';
import { blockingChain, cli, printed, Sessions, waitFor } from './helpers.js';

const TABLE = { schema: 'public', name: 'chat_callsession' };
const SECRET_IN_QUERY = 'hunter2-in-a-query';

describe('reconcile locks (command line)', () => {
  let db: TestDb;
  let sessions: Sessions;

  beforeAll(async () => {
    db = await createDatabase('locks_cli');
    await db.exec(`CREATE TABLE chat_callsession (id uuid PRIMARY KEY, status varchar(20) NOT NULL);
                   CREATE ROLE locks_cli_${db.name} NOLOGIN;`);
  });
  afterEach(async () => sessions?.closeAll());
  afterAll(async () => {
    await db?.exec(`DROP ROLE IF EXISTS locks_cli_${db.name}`);
    await db?.drop();
  });

  it('exits 0 when no session blocks another', async () => {
    const r = await cli('locks', '--url', db.url);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Blocking chains: none');
    expect(r.stdout).toContain('Limits: none');
  });

  it('exits 2 and draws the tree when a blocking chain exists', async () => {
    sessions = new Sessions(db.url);
    const { a, b, c } = await blockingChain(sessions, TABLE);
    const r = await cli('locks', '--url', db.url);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`\\n  pid ${a.pid} .*idle in transaction.*holds AccessShareLock on public\\.chat_callsession.*blocks 2 sessions`));
    expect(r.stdout).toMatch(new RegExp(`\\n  └─ pid ${b.pid} .*waits AccessExclusiveLock on public\\.chat_callsession`));
    expect(r.stdout).toMatch(new RegExp(`\\n     └─ pid ${c.pid} .*waits AccessShareLock on public\\.chat_callsession`));
  });

  it('prints a JSON report with the documented shape', async () => {
    sessions = new Sessions(db.url);
    const { a, b, c } = await blockingChain(sessions, TABLE);
    const r = await cli('locks', '--url', db.url, '--format', 'json', '--older-than', '0');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(
      [
        'formatVersion',
        'database',
        'role',
        'serverVersion',
        'takenAt',
        'olderThanMs',
        'sessions',
        'blocking',
        'idleInTransaction',
        'oldTransactions',
        'preparedTransactions',
        'relations',
        'limits',
      ].sort(),
    );
    expect(doc).toMatchObject({ formatVersion: LOCK_REPORT_FORMAT_VERSION, database: db.name, role: 'postgres', olderThanMs: 0, relations: null, limits: [] });
    expect(doc['blocking']).toEqual([{ pid: a.pid, repeated: false, children: [{ pid: b.pid, repeated: false, children: [{ pid: c.pid, repeated: false, children: [] }] }] }]);
    expect(doc['idleInTransaction']).toEqual([a.pid]);
    const sessionsJson = doc['sessions'] as Record<string, unknown>[];
    const sa = sessionsJson.find((s) => s['pid'] === a.pid)!;
    expect(Object.keys(sa).sort()).toEqual(
      [
        'pid',
        'database',
        'user',
        'applicationName',
        'clientAddress',
        'backendType',
        'state',
        'waitEventType',
        'waitEvent',
        'backendAgeMs',
        'xactAgeMs',
        'queryAgeMs',
        'stateAgeMs',
        'query',
        'hidden',
        'blockedBy',
        'locks',
        'waitingFor',
      ].sort(),
    );
    expect(sa['locks']).toContainEqual({ relation: TABLE, relationOid: expect.any(Number), mode: 'AccessShareLock', granted: true, waitMs: null });
    const sb = sessionsJson.find((s) => s['pid'] === b.pid)!;
    expect(sb['waitingFor']).toEqual({ locktype: 'relation', mode: 'AccessExclusiveLock', relation: TABLE, relationOid: expect.any(Number), transactionId: null, waitMs: expect.any(Number) });
  });

  it('without --yes and without a terminal, refuses with exit 3 and touches nothing', async () => {
    sessions = new Sessions(db.url);
    const { a, b } = await blockingChain(sessions, TABLE);
    const r = await cli('locks', '--url', db.url, '--terminate', String(a.pid));
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(new RegExp(`Sessions to terminate.*\\n  pid ${a.pid} .*blocks 1 session`));
    expect(r.stderr).toMatch(/without confirmation.*add --yes/);
    expect(await sessions.alive(a.pid)).toBe(true);
    await sessions.waitBlocked(b.pid, [a.pid]);
  });

  it('--terminate PID --yes ends only that session; the queue behind it proceeds', async () => {
    sessions = new Sessions(db.url);
    const { a, b, c, bQuery, cQuery } = await blockingChain(sessions, TABLE);
    const r = await cli('locks', '--url', db.url, '--terminate', String(a.pid), '--yes');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`pid ${a.pid}: terminated`);
    expect((await bQuery.settled).ok).toBe(true);
    expect((await cQuery.settled).ok).toBe(true);
    expect(await sessions.alive(a.pid)).toBe(false);
    expect(await sessions.alive(b.pid)).toBe(true);
    expect(await sessions.alive(c.pid)).toBe(true);
    const after = await cli('locks', '--url', db.url);
    expect(after.code).toBe(0);
  });

  it('--cancel PID --yes --format json cancels the running query only', async () => {
    sessions = new Sessions(db.url);
    const d = await sessions.session('lock-sleeper');
    const sleeping = d.client.query('SELECT pg_sleep(60)').then(
      () => 'finished',
      (e: { code?: string }) => e.code,
    );
    await sessions.waitState(d.pid, (row) => row.state === 'active' && row.wait_event === 'PgSleep', 'sleeping');
    const r = await cli('locks', '--url', db.url, '--cancel', String(d.pid), '--yes', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { targets: { pid: number; mode: string; session: { query: string } | null }[]; results: unknown[] };
    expect(doc.targets).toEqual([{ pid: d.pid, mode: 'cancel', session: expect.objectContaining({ pid: d.pid, query: 'SELECT pg_sleep(60)' }) }]);
    expect(doc.results).toEqual([{ pid: d.pid, mode: 'cancel', ok: true, outcome: 'cancelled', reason: null }]);
    expect(await sleeping).toBe('57014');
    expect(await sessions.alive(d.pid)).toBe(true);
  });

  it('exits 1 for a pid that does not exist, and for bad input', async () => {
    const gone = await cli('locks', '--url', db.url, '--terminate', '2147483000', '--yes');
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain('pid 2147483000: not terminated (not-found)');
    expect(gone.stderr).toMatch(/^reconcile: 1 of 1 session\(s\) not signalled/);

    const dur = await cli('locks', '--url', db.url, '--older-than', '5');
    expect(dur.code).toBe(1);
    expect(dur.stderr).toContain('not a duration: "5" (give a unit, e.g. 5s or 5ms)');

    const pid = await cli('locks', '--url', db.url, '--terminate', '12x');
    expect(pid.code).toBe(1);
    expect(pid.stderr).toContain('--terminate takes process ids');

    const fmt = await cli('locks', '--url', db.url, '--format', 'yaml');
    expect(fmt.code).toBe(1);

    const both = await cli('locks', '--url', db.url, '--terminate', '123', '--cancel', '123', '--yes');
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('given to both --terminate and --cancel');
  });

  it('idle in transaction: exit 0 under --older-than 1h, exit 2 once past a short threshold', async () => {
    sessions = new Sessions(db.url);
    const e = await sessions.session('lock-idle');
    await e.client.query('BEGIN');
    await e.client.query('SELECT 1');
    await sessions.waitState(e.pid, (row) => row.state === 'idle in transaction', 'idle in transaction');
    const hour = await cli('locks', '--url', db.url, '--older-than', '1h');
    expect(hour.code).toBe(0);
    expect(hour.stdout).toContain('Idle in transaction for 1h or more: none');
    const short = await waitFor('exit 2 with --older-than 150ms', async () => {
      const r = await cli('locks', '--url', db.url, '--older-than', '150ms');
      return r.code === 2 ? r : undefined;
    });
    expect(short.stdout).toMatch(new RegExp(`Idle in transaction for 150ms or more: 1\\n  pid ${e.pid} .*idle in transaction for`));
    expect(short.stdout).toContain('Blocking chains: none');
  });

  it('masks password literals in query text', async () => {
    sessions = new Sessions(db.url);
    const s = await sessions.session('lock-role-admin');
    await s.client.query('BEGIN');
    await s.client.query(`ALTER ROLE locks_cli_${db.name} PASSWORD '${SECRET_IN_QUERY}'`);
    const text = await cli('locks', '--url', db.url, '--older-than', '0');
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(new RegExp(`\\n  pid ${s.pid} .*\\| ALTER ROLE locks_cli_\\w+ PASSWORD '\\*\\*\\*'\\n`));
    const json = await cli('locks', '--url', db.url, '--format', 'json');
    const doc = JSON.parse(json.stdout) as { sessions: { pid: number; query: string }[] };
    expect(doc.sessions.find((x) => x.pid === s.pid)?.query).toBe(`ALTER ROLE locks_cli_${db.name} PASSWORD '***'`);
    for (const out of [text.stdout, json.stdout]) expect(out).not.toContain(SECRET_IN_QUERY);
  });

  it('never prints the connection password, even when the connection fails', async () => {
    const bad = new URL(db.url);
    bad.port = '1';
    const r = await cli('locks', '--url', bad.toString());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^reconcile: connection refused by postgres:\/\/postgres@127\.0\.0\.1:1\//);
    const wrong = new URL(db.url);
    wrong.password = 'not-the-password-xyz';
    const w = await cli('locks', '--url', wrong.toString());
    expect(w.code).toBe(1);
    expect(w.stderr).toContain('password authentication failed');
    const password = decodeURIComponent(new URL(adminUrl()).password);
    expect(password.length).toBeGreaterThan(0);
    expect(printed.length).toBeGreaterThan(10);
    for (const text of printed) {
      expect(text).not.toContain(password);
      expect(text).not.toContain('not-the-password-xyz');
    }
  });
});
