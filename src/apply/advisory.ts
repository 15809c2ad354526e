/**
 * One run at a time: a session-level advisory lock, polled with
 * `pg_try_advisory_lock` so we never queue behind anything.
 */
import type pg from 'pg';
import { ReconcileError } from '../errors.js';

/** 'reco' and 'ncil' as int4: the two-key form keeps us out of single-bigint key spaces. */
export const ADVISORY_KEYS = [0x7265636f, 0x6e63696c] as const;

export async function acquireRunLock(client: pg.Client, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const r = await client.query<{ ok: boolean }>('SELECT pg_catalog.pg_try_advisory_lock($1, $2) AS ok', [ADVISORY_KEYS[0], ADVISORY_KEYS[1]]);
    if (r.rows[0]?.ok) return;
    if (Date.now() >= deadline) {
      const holder = await client.query<{ pid: number }>(
        "SELECT pid FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND classid = $1::int8::oid AND objid = $2::int8::oid AND objsubid = 2 AND granted AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())",
        [ADVISORY_KEYS[0], ADVISORY_KEYS[1]],
      );
      const pid = holder.rows[0]?.pid;
      throw new ReconcileError(
        'refused',
        `another reconcile apply is running on this database${pid ? ` (pid ${pid})` : ''}`,
        'wait for it to finish, or pass --wait 5m to wait',
      );
    }
    await new Promise((r) => setTimeout(r, Math.min(500, Math.max(50, deadline - Date.now()))));
  }
}

export async function releaseRunLock(client: pg.Client): Promise<void> {
  await client.query('SELECT pg_catalog.pg_advisory_unlock($1, $2)', [ADVISORY_KEYS[0], ADVISORY_KEYS[1]]).catch(() => undefined);
}
