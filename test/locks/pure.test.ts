import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/cli/duration.js';
import { ReconcileError } from '../../src/errors.js';
import { blockingForest, conflicts, formatAge, LOCK_MODES, oneLine, type LockSession } from '../../src/locks/index.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['2s', 2000],
    ['1m', 60_000],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    ['1m30s', 90_000],
    [' 2S ', 2000],
    ['0', 0],
    ['0ms', 0],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', '-1s', '1d', 's', '1 m', '1m-', 'abc', '1e3ms'])('refuses %j with bad-input', (text) => {
    let err: unknown;
    try {
      parseDuration(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReconcileError);
    expect(err).toMatchObject({ code: 'bad-input', message: `not a duration: ${JSON.stringify(text)}` });
    expect((err as ReconcileError).oneLine()).toMatch(/500ms|give a unit/);
  });
});

describe('oneLine', () => {
  it('collapses whitespace and cuts long text', () => {
    expect(oneLine('SELECT\n  1,\t2\r\n')).toBe('SELECT 1, 2');
    const long = oneLine('SELECT ' + 'x, '.repeat(200), 50);
    expect(long).toHaveLength(50);
    expect(long.endsWith('…')).toBe(true);
  });

  it('masks password literals, quoted, escaped, dollar-quoted or cut off', () => {
    expect(oneLine("ALTER ROLE a PASSWORD 'it''s secret' VALID UNTIL 'infinity'")).toBe("ALTER ROLE a PASSWORD '***' VALID UNTIL 'infinity'");
    expect(oneLine("create user b with password E'x\\'y'")).toBe("create user b with password '***'");
    expect(oneLine('ALTER ROLE c PASSWORD $p$sec$ret$p$;')).toBe("ALTER ROLE c PASSWORD '***';");
    expect(oneLine("ALTER ROLE d PASSWORD 'truncated by track_activity_query_si")).toBe("ALTER ROLE d PASSWORD '***'");
    expect(oneLine("SELECT 'password' AS x")).toBe("SELECT 'password' AS x");
  });

  it('replaces control characters', () => {
    expect(oneLine('SELECT 1 \u001b[31m')).toBe('SELECT 1 \uFFFD[31m');
  });
});

describe('formatAge', () => {
  it.each([
    [0, '0ms'],
    [999, '999ms'],
    [1000, '1.0s'],
    [12_345, '12.3s'],
    [60_000, '1m'],
    [65_000, '1m05s'],
    [3_600_000, '1h'],
    [3_780_000, '1h03m'],
    [90_000_000, '1d01h'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('lock mode conflicts', () => {
  it('is symmetric, and matches the documented extremes', () => {
    for (const a of LOCK_MODES) for (const b of LOCK_MODES) expect(conflicts(a, b)).toBe(conflicts(b, a));
    for (const m of LOCK_MODES) expect(conflicts('AccessExclusiveLock', m)).toBe(true);
    expect(LOCK_MODES.filter((m) => conflicts('AccessShareLock', m))).toEqual(['AccessExclusiveLock']);
    expect(conflicts('RowExclusiveLock', 'RowExclusiveLock')).toBe(false);
    expect(conflicts('ShareUpdateExclusiveLock', 'ShareUpdateExclusiveLock')).toBe(true);
    expect(conflicts('ShareLock', 'ShareLock')).toBe(false);
    expect(conflicts('SIReadLock', 'AccessExclusiveLock')).toBe(false);
  });
});

function s(pid: number, blockedBy: number[]): LockSession {
  return {
    pid,
    database: 'd',
    user: 'u',
    applicationName: null,
    clientAddress: null,
    backendType: 'client backend',
    state: 'active',
    waitEventType: null,
    waitEvent: null,
    backendAgeMs: 0,
    xactAgeMs: 0,
    queryAgeMs: 0,
    stateAgeMs: 0,
    query: null,
    hidden: false,
    blockedBy,
    locks: [],
    waitingFor: null,
  };
}

describe('blockingForest', () => {
  it('draws a session blocked by two others once, then marks it repeated', () => {
    const forest = blockingForest([s(1, []), s(2, []), s(3, [1, 2]), s(4, [3]), s(5, [])]);
    expect(forest).toEqual([
      { pid: 1, repeated: false, children: [{ pid: 3, repeated: false, children: [{ pid: 4, repeated: false, children: [] }] }] },
      { pid: 2, repeated: false, children: [{ pid: 3, repeated: true, children: [] }] },
    ]);
  });

  it('hangs a lock cycle from its lowest pid, and a prepared transaction (pid 0) as a root', () => {
    expect(blockingForest([s(7, [8]), s(8, [7]), s(9, [0])])).toEqual([
      { pid: 0, repeated: false, children: [{ pid: 9, repeated: false, children: [] }] },
      { pid: 7, repeated: false, children: [{ pid: 8, repeated: false, children: [{ pid: 7, repeated: true, children: [] }] }] },
    ]);
  });

  it('is empty when nobody waits', () => {
    expect(blockingForest([s(1, []), s(2, [])])).toEqual([]);
  });
});
