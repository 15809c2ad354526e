/**
 * Ending sessions: `pg_terminate_backend` / `pg_cancel_backend` for exactly the
 * pids given, each bound as a parameter. Never a pattern, never this session.
 */
import type { Queryable } from '../db/pool.js';
import { ReconcileError } from '../errors.js';

export type SignalMode = 'terminate' | 'cancel';

export type SignalOutcome = 'terminated' | 'cancelled' | 'not-found' | 'permission-denied' | 'failed';

export interface SignalResult {
  readonly pid: number;
  readonly mode: SignalMode;
  /** The session was terminated (and has exited) or its query was sent a cancel. */
  readonly ok: boolean;
  readonly outcome: SignalOutcome;
  /** Why not, when `ok` is false. */
  readonly reason: string | null;
}

export interface SignalOptions {
  readonly mode: SignalMode;
  /** For `terminate`: how long to wait for the session to exit (default 5000 ms). */
  readonly waitMs?: number;
}

interface TargetRow {
  me: number;
  found: number[];
}

interface PgError {
  code?: string;
  message?: string;
  detail?: string;
}

/** The pid of the session `db` runs on (pass a single session). */
export async function ownPid(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ pid: number }>('SELECT pg_catalog.pg_backend_pid() AS pid');
  const pid = rows[0]?.pid;
  if (pid === undefined) throw new ReconcileError('internal', 'could not read this session\'s pid');
  return pid;
}

/** Check that every pid is a positive integer; duplicates are dropped, order kept. */
export function validatePids(pids: readonly number[]): number[] {
  const bad = pids.filter((p) => !Number.isSafeInteger(p) || p <= 0 || p > 2_147_483_647);
  if (bad.length > 0) throw new ReconcileError('bad-input', `not a process id: ${bad.join(', ')}`, 'pids are positive integers, as shown by reconcile locks');
  return [...new Set(pids)];
}

/**
 * Terminate or cancel the sessions `pids`, one result per pid in the order given.
 * Refuses (`bad-input`, before signalling anything) if a pid is this session's own.
 */
export async function terminate(db: Queryable, pids: readonly number[], options: SignalOptions): Promise<SignalResult[]> {
  const targets = validatePids(pids);
  if (targets.length === 0) return [];
  const waitMs = options.waitMs ?? 5000;
  const { rows } = await db.query<TargetRow>(
    `SELECT pg_catalog.pg_backend_pid() AS me,
            coalesce((SELECT array_agg(a.pid) FROM pg_catalog.pg_stat_activity a WHERE a.pid = ANY($1::int[])), '{}') AS found`,
    [targets],
  );
  const info = rows[0];
  if (!info) throw new ReconcileError('internal', 'could not look up the sessions to signal');
  if (targets.includes(info.me)) {
    throw new ReconcileError('bad-input', `refusing to ${options.mode} pid ${info.me}: it is this tool's own session`, 'name the pids of other sessions');
  }
  const found = new Set(info.found);
  const results: SignalResult[] = [];
  for (const pid of targets) {
    results.push(found.has(pid) ? await signal(db, pid, options.mode, waitMs) : notFound(pid, options.mode));
  }
  return results;
}

function notFound(pid: number, mode: SignalMode): SignalResult {
  return { pid, mode, ok: false, outcome: 'not-found', reason: `no session with pid ${pid} (it may have ended already)` };
}

async function signal(db: Queryable, pid: number, mode: SignalMode, waitMs: number): Promise<SignalResult> {
  // The CASE guards against our own pid even if the caller's Queryable is a pool.
  const sql =
    mode === 'terminate'
      ? 'SELECT CASE WHEN $1::int = pg_catalog.pg_backend_pid() THEN NULL ELSE pg_catalog.pg_terminate_backend($1::int, $2::int8) END AS ok'
      : 'SELECT CASE WHEN $1::int = pg_catalog.pg_backend_pid() THEN NULL ELSE pg_catalog.pg_cancel_backend($1::int) END AS ok';
  let ok: boolean | null;
  try {
    const { rows } = await db.query<{ ok: boolean | null }>(sql, mode === 'terminate' ? [pid, waitMs] : [pid]);
    ok = rows[0]?.ok ?? null;
  } catch (e) {
    const err = e as PgError;
    if (err.code === '42501') {
      const detail = err.detail ? ` ${err.detail}` : '';
      return { pid, mode, ok: false, outcome: 'permission-denied', reason: `permission denied: ${err.message ?? ''}.${detail}` };
    }
    throw e;
  }
  if (ok === true) return { pid, mode, ok: true, outcome: mode === 'terminate' ? 'terminated' : 'cancelled', reason: null };
  if (ok === null) return { pid, mode, ok: false, outcome: 'failed', reason: 'that is the session running this command' };
  const { rows } = await db.query<{ alive: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity WHERE pid = $1::int) AS alive', [pid]);
  if (!rows[0]?.alive) return { ...notFound(pid, mode), reason: `session ${pid} ended before it could be signalled` };
  return {
    pid,
    mode,
    ok: false,
    outcome: 'failed',
    reason:
      mode === 'terminate'
        ? `PostgreSQL did not signal pid ${pid} (not a backend process?) or it has not exited after ${waitMs} ms`
        : `PostgreSQL did not signal pid ${pid} (not a backend process?)`,
  };
}
