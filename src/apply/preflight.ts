/**
 * Before touching anything: which sessions hold or queue for locks that the
 * plan's statements would wait behind. Refuse (or wait) while any do, so the
 * repair never becomes the head of a lock queue that freezes the application.
 */
import type pg from 'pg';
import { blockersFor, readLockReport, type Blocker, type LockReport } from '../locks/index.js';
import type { QualifiedName } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import type { LockLevel, Statement } from '../plan/types.js';

const PG_MODE: Record<Exclude<LockLevel, 'none'>, string> = {
  'ACCESS SHARE': 'AccessShareLock',
  'ROW SHARE': 'RowShareLock',
  'ROW EXCLUSIVE': 'RowExclusiveLock',
  'SHARE UPDATE EXCLUSIVE': 'ShareUpdateExclusiveLock',
  SHARE: 'ShareLock',
  'SHARE ROW EXCLUSIVE': 'ShareRowExclusiveLock',
  'ACCESS EXCLUSIVE': 'AccessExclusiveLock',
};

const STRENGTH: readonly LockLevel[] = ['none', 'ACCESS SHARE', 'ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'ACCESS EXCLUSIVE'];

/** The strongest lock the plan takes on each table it touches. */
export function lockNeeds(statements: readonly Statement[]): Map<string, { table: QualifiedName; level: LockLevel }> {
  const needs = new Map<string, { table: QualifiedName; level: LockLevel }>();
  for (const s of statements) {
    if (s.lockLevel === 'none') continue;
    for (const t of s.locks) {
      const k = qualifiedKey(t);
      const prev = needs.get(k);
      if (!prev || STRENGTH.indexOf(s.lockLevel) > STRENGTH.indexOf(prev.level)) needs.set(k, { table: t, level: s.lockLevel });
    }
  }
  return needs;
}

export interface Preflight {
  readonly report: LockReport;
  readonly blockers: readonly Blocker[];
}

/**
 * Sessions whose conflicting locks will not go away by themselves soon: idle in
 * a transaction (the incident's cause), or in a transaction older than
 * `olderThanMs`, or a prepared transaction. Short application queries also hold
 * conflicting locks; those are handled by lock_timeout and retries, not refused.
 */
function isStuck(report: LockReport, pid: number, olderThanMs: number): boolean {
  if (pid === 0) return true;
  const s = report.sessions.find((x) => x.pid === pid);
  if (!s) return false;
  if (s.state !== null && s.state.startsWith('idle in transaction')) return true;
  return s.xactAgeMs !== null && s.xactAgeMs >= olderThanMs;
}

export async function preflight(client: pg.Client, statements: readonly Statement[], olderThanMs: number): Promise<Preflight> {
  const needs = [...lockNeeds(statements).values()];
  const report = await readLockReport(client, { olderThanMs, relations: needs.map((n) => n.table) });
  const blockers = needs
    .flatMap((n) => (n.level === 'none' ? [] : blockersFor(report, [n.table], PG_MODE[n.level])))
    .filter((b) => isStuck(report, b.pid, olderThanMs));
  return { report, blockers };
}
