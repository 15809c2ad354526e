/**
 * The lock doctor's diagnosis: who blocks whom, who sits idle in a transaction,
 * and (for `apply`'s preflight) who holds or waits for locks on given relations.
 *
 * Pass a single session (a `pg.Client`, or a pool of one): the session running
 * the query is left out of the report, and other connections of a larger pool
 * would show up as sessions.
 */
import type { Queryable } from '../db/pool.js';
import { ReconcileError } from '../errors.js';
import type { QualifiedName } from '../model/types.js';
import { conflicts } from './modes.js';
import { LOCK_REPORT_SQL, type LockRow, type MeRow, type ReportRow, type SessionRow } from './queries.js';
import {
  LOCK_REPORT_FORMAT_VERSION,
  type AwaitedLock,
  type BlockNode,
  type LockReport,
  type LockReportOptions,
  type LockSession,
  type RelationCheck,
  type RelationLock,
} from './types.js';

export const QUERY_TEXT_LIMIT = 200;

export async function readLockReport(db: Queryable, options: LockReportOptions): Promise<LockReport> {
  if (!Number.isFinite(options.olderThanMs) || options.olderThanMs < 0) {
    throw new ReconcileError('bad-input', `olderThanMs must be a non-negative number, got ${options.olderThanMs}`);
  }
  const relations = options.relations ?? [];
  const { rows } = await db.query<ReportRow>(LOCK_REPORT_SQL, [relations.map((r) => r.schema), relations.map((r) => r.name)]);
  const row = rows[0];
  if (!row) throw new ReconcileError('internal', 'the lock report query returned no row');
  return buildReport(row, options);
}

function buildReport(row: ReportRow, options: LockReportOptions): LockReport {
  const locksByPid = new Map<number, LockRow[]>();
  for (const l of row.locks) {
    const list = locksByPid.get(l.pid) ?? [];
    list.push(l);
    locksByPid.set(l.pid, list);
  }
  const sessions = row.sessions.map((s) => toSession(s, locksByPid.get(s.pid) ?? []));
  const threshold = options.olderThanMs;
  const idleInTransaction = sessions
    .filter((s) => s.state?.startsWith('idle in transaction') && s.stateAgeMs !== null && s.stateAgeMs >= threshold)
    .map((s) => s.pid);
  const oldTransactions = sessions.filter((s) => s.xactAgeMs !== null && s.xactAgeMs >= threshold).map((s) => s.pid);
  return {
    formatVersion: LOCK_REPORT_FORMAT_VERSION,
    database: row.me.database,
    role: row.me.role,
    serverVersion: row.me.server_version,
    takenAt: row.me.taken_at,
    olderThanMs: threshold,
    sessions,
    blocking: blockingForest(sessions),
    idleInTransaction,
    oldTransactions,
    preparedTransactions: row.prepared.map((p) => ({ gid: p.gid, owner: p.owner, transactionId: p.xid, ageMs: p.age_ms })),
    relations: options.relations ? relationCheck(row, sessions) : null,
    limits: limits(row.me, sessions),
  };
}

function toSession(s: SessionRow, locks: LockRow[]): LockSession {
  const awaited = locks.find((l) => !l.granted);
  const waitingFor: AwaitedLock | null = awaited
    ? {
        locktype: awaited.locktype,
        mode: awaited.mode,
        relation: relationName(awaited),
        relationOid: awaited.relation_oid,
        transactionId: awaited.transactionid,
        waitMs: awaited.wait_ms,
      }
    : null;
  const relationLocks: RelationLock[] = locks
    .filter((l) => l.locktype === 'relation' && l.relation_oid !== null)
    .map((l) => ({ relation: relationName(l), relationOid: l.relation_oid ?? 0, mode: l.mode, granted: l.granted, waitMs: l.granted ? null : l.wait_ms }));
  return {
    pid: s.pid,
    database: s.database,
    user: s.user,
    applicationName: s.hidden ? null : s.application_name,
    clientAddress: s.client_addr ?? (s.client_port === -1 ? 'local' : null),
    backendType: s.backend_type,
    state: s.state,
    waitEventType: s.wait_event_type,
    waitEvent: s.wait_event,
    backendAgeMs: s.backend_ms,
    xactAgeMs: s.xact_ms,
    queryAgeMs: s.query_ms,
    stateAgeMs: s.state_ms,
    query: s.hidden || s.query === null ? null : oneLine(s.query, QUERY_TEXT_LIMIT),
    hidden: s.hidden,
    blockedBy: [...new Set(s.blocked_by)].sort((a, b) => a - b),
    locks: relationLocks,
    waitingFor,
  };
}

function relationName(l: LockRow): QualifiedName | null {
  return l.schema !== null && l.name !== null ? { schema: l.schema, name: l.name } : null;
}

/**
 * Query text on one line: whitespace collapsed, control characters replaced,
 * password literals masked (`ALTER ROLE x PASSWORD '...'`), cut at `limit` characters.
 */
export function oneLine(text: string, limit: number = QUERY_TEXT_LIMIT): string {
  const masked = text.replace(/(\bpassword\s+)(?:E?'(?:[^'\\]|''|\\.)*(?:'|$)|\$([A-Za-z_]*)\$[\s\S]*?(?:\$\2\$|$))/gi, "$1'***'");
  // eslint-disable-next-line no-control-regex
  const flat = masked.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/**
 * The blocking forest. Roots are sessions that block others and are not blocked
 * themselves (or blockers outside the list, such as a prepared transaction,
 * pid 0). Sessions caught in a cycle with no such root hang from their lowest
 * pid. A session blocked by several others appears under each; its subtree is
 * drawn once, later appearances are marked `repeated`.
 */
export function blockingForest(sessions: readonly LockSession[]): BlockNode[] {
  const byPid = new Map(sessions.map((s) => [s.pid, s]));
  const children = new Map<number, number[]>();
  for (const s of sessions) {
    for (const b of s.blockedBy) {
      const list = children.get(b) ?? [];
      list.push(s.pid);
      children.set(b, list);
    }
  }
  const blockers = [...children.keys()].sort((a, b) => a - b);
  const drawn = new Set<number>();
  const visit = (pid: number): BlockNode => {
    if (drawn.has(pid)) return { pid, children: [], repeated: true };
    drawn.add(pid);
    const kids = [...new Set(children.get(pid) ?? [])].sort((a, b) => a - b);
    return { pid, children: kids.map(visit), repeated: false };
  };
  const roots: BlockNode[] = [];
  for (const pid of blockers) {
    const s = byPid.get(pid);
    if (!s || s.blockedBy.length === 0) roots.push(visit(pid));
  }
  // Cycles (a deadlock before the detector runs): start from the lowest pid not yet drawn.
  for (const pid of blockers) {
    if (!drawn.has(pid)) roots.push(visit(pid));
  }
  return roots;
}

/** Every pid in a forest below (not including) the given node, once. */
export function blockedBelow(node: BlockNode): number[] {
  const out = new Set<number>();
  const walk = (n: BlockNode): void => {
    for (const c of n.children) {
      out.add(c.pid);
      walk(c);
    }
  };
  walk(node);
  return [...out];
}

function relationCheck(row: ReportRow, sessions: readonly LockSession[]): RelationCheck {
  const oids = new Set(row.requested.flatMap((r) => (r.oid === null ? [] : [r.oid])));
  const pids = sessions.filter((s) => s.locks.some((l) => oids.has(l.relationOid))).map((s) => s.pid);
  return {
    requested: row.requested.map((r) => ({ schema: r.schema, name: r.name, exists: r.oid !== null })),
    pids,
  };
}

export interface Blocker {
  readonly pid: number;
  readonly relation: QualifiedName;
  readonly mode: string;
  readonly granted: boolean;
}

/**
 * The locks on `relations` that would make a statement taking `mode` (default
 * `AccessExclusiveLock`, what most DDL takes) wait: conflicting locks that are
 * held, and conflicting requests queued ahead. Empty means nothing blocks.
 */
export function blockersFor(report: LockReport, relations: readonly QualifiedName[], mode: string = 'AccessExclusiveLock'): Blocker[] {
  const wanted = new Set(relations.map((r) => JSON.stringify([r.schema, r.name])));
  const out: Blocker[] = [];
  for (const s of report.sessions) {
    for (const l of s.locks) {
      if (!l.relation || !wanted.has(JSON.stringify([l.relation.schema, l.relation.name]))) continue;
      if (conflicts(mode, l.mode)) out.push({ pid: s.pid, relation: l.relation, mode: l.mode, granted: l.granted });
    }
  }
  return out;
}

function limits(me: MeRow, sessions: readonly LockSession[]): string[] {
  const out: string[] = [];
  const hidden = sessions.filter((s) => s.hidden);
  if (!me.read_all_stats && hidden.length > 0) {
    const roles = [...new Set(hidden.map((s) => s.user ?? '?'))].sort();
    out.push(
      `role "${me.role}" is not a member of pg_read_all_stats (or pg_monitor): ${hidden.length} session(s) of ${roles.map((r) => `"${r}"`).join(', ')} ` +
        'show no state, query, wait event, client or ages. They still appear in blocking chains (pg_locks and pg_blocking_pids are visible to all), ' +
        'but the idle-in-transaction and old-transaction lists cover only sessions this role can see. GRANT pg_monitor TO the role for the full picture.',
    );
  }
  if (!me.superuser && sessions.some((s) => s.user !== me.role)) {
    out.push(
      me.signal_backend
        ? `role "${me.role}" is not a superuser: it cannot terminate or cancel sessions of superusers.`
        : `role "${me.role}" may terminate or cancel only sessions of roles it is a member of (not superusers); it is not a member of pg_signal_backend.`,
    );
  }
  return out;
}
