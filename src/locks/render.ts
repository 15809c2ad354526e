/**
 * The lock report as text (a blocking tree drawn with `├─` / `└─`, then the
 * idle-in-transaction and old-transaction lists, then limits) and as JSON.
 */
import type { QualifiedName } from '../model/types.js';
import { displayName, formatServerVersion } from '../render/model-text.js';
import { conflicts } from './modes.js';
import { blockedBelow } from './report.js';
import type { SignalResult } from './terminate.js';
import type { AwaitedLock, BlockNode, LockReport, LockSession, RelationLock } from './types.js';

/** `850ms`, `12.3s`, `4m05s`, `1m`, `2h03m`, `3d04h`. */
export function formatAge(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${(Math.floor(s * 10) / 10).toFixed(1)}s`;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const total = Math.floor(s);
  const two = (big: number, bigUnit: string, small: number, smallUnit: string): string => `${big}${bigUnit}${small === 0 ? '' : pad(small) + smallUnit}`;
  if (total < 3600) return two(Math.floor(total / 60), 'm', total % 60, 's');
  if (total < 86_400) return two(Math.floor(total / 3600), 'h', Math.floor((total % 3600) / 60), 'm');
  return two(Math.floor(total / 86_400), 'd', Math.floor((total % 86_400) / 3600), 'h');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Text a user or a server put there, made safe for one terminal line. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}

function relText(r: QualifiedName | null, oid: number | null): string {
  return r ? displayName(r.schema, r.name) : `relation ${oid ?? '?'} (not visible: uncommitted or dropped)`;
}

function awaitedText(w: AwaitedLock): string {
  switch (w.locktype) {
    case 'relation':
      return `waits ${w.mode} on ${relText(w.relation, w.relationOid)}`;
    case 'transactionid':
      return `waits for transaction ${w.transactionId ?? '?'} (a row lock)`;
    case 'tuple':
      return `waits for a row lock on ${relText(w.relation, w.relationOid)}`;
    default:
      return `waits ${w.mode} on a ${w.locktype} lock`;
  }
}

/** Granted locks of `s` that its children in the forest wait behind; else all it holds, up to a few. */
function heldText(s: LockSession, children: readonly LockSession[]): string | null {
  const held = s.locks.filter((l) => l.granted);
  const relevant: RelationLock[] = [];
  let rowLock = false;
  for (const c of children) {
    const w = c.waitingFor;
    if (!w) continue;
    if (w.locktype === 'transactionid' || w.locktype === 'tuple') rowLock = true;
    for (const l of held) {
      if (w.relationOid !== null && l.relationOid === w.relationOid && conflicts(l.mode, w.mode) && !relevant.includes(l)) relevant.push(l);
    }
  }
  const shown = relevant.length > 0 ? relevant : children.length > 0 ? [] : held;
  const parts = shown.slice(0, 4).map((l) => `${l.mode} on ${relText(l.relation, l.relationOid)}`);
  if (shown.length > 4) parts.push(`${shown.length - 4} more`);
  if (rowLock) parts.push('row locks');
  return parts.length > 0 ? `holds ${parts.join(', ')}` : null;
}

export interface LineContext {
  /** Sessions that wait behind this one directly (to say which of its locks matter). */
  readonly children?: readonly LockSession[];
  /** How many sessions wait behind it, directly or not. */
  readonly blocks?: number;
  /** The report's database: a session in another one says which. */
  readonly database?: string;
}

/** One session on one line: pid, user, application, state, wait, ages, locks, query. */
export function sessionLine(s: LockSession, ctx: LineContext = {}): string {
  const parts = [`pid ${s.pid}`, `user ${clean(s.user ?? '?')}`];
  if (s.hidden) {
    parts.push('(state, application, query and ages hidden from this role)');
  } else {
    if (s.applicationName) parts.push(`app ${JSON.stringify(clean(s.applicationName))}`);
    if (s.clientAddress) parts.push(`from ${s.clientAddress}`);
    if (s.backendType && s.backendType !== 'client backend') parts.push(`[${s.backendType}]`);
    if (s.state) parts.push(s.state.startsWith('idle in transaction') && s.stateAgeMs !== null ? `${s.state} for ${formatAge(s.stateAgeMs)}` : s.state);
    // An idle session "waits" for its client (Client:ClientRead): only a working session's wait says something.
    if (s.waitEventType && (s.state === 'active' || s.waitEventType === 'Lock')) parts.push(`wait ${s.waitEventType}:${s.waitEvent ?? '?'}`);
    if (s.xactAgeMs !== null) parts.push(`xact ${formatAge(s.xactAgeMs)}`);
  }
  if (ctx.database !== undefined && s.database !== null && s.database !== ctx.database) parts.push(`in database ${JSON.stringify(clean(s.database))}`);
  if (s.waitingFor) parts.push(awaitedText(s.waitingFor) + (s.waitingFor.waitMs !== null ? ` for ${formatAge(s.waitingFor.waitMs)}` : ''));
  const held = heldText(s, ctx.children ?? []);
  if (held) parts.push(held);
  if (ctx.blocks) parts.push(`blocks ${plural(ctx.blocks, 'session')}`);
  const line = parts.join('  ');
  return s.query ? `${line}  | ${s.query}` : line;
}

function missingLine(pid: number): string {
  return pid === 0 ? 'a prepared transaction (end it with COMMIT PREPARED or ROLLBACK PREPARED; see pg_prepared_xacts)' : `pid ${pid} (not visible: it may have just ended)`;
}

export function renderBlockingTree(report: LockReport): string[] {
  const byPid = new Map(report.sessions.map((s) => [s.pid, s]));
  const lines: string[] = [];
  const draw = (node: BlockNode, prefix: string, branch: string, isRoot: boolean): void => {
    const s = byPid.get(node.pid);
    const kids = node.children.map((c) => byPid.get(c.pid)).filter((x): x is LockSession => x !== undefined);
    let text: string;
    if (!s) text = missingLine(node.pid);
    else if (node.repeated) text = `pid ${node.pid} (shown above)`;
    else text = sessionLine(s, { children: kids, database: report.database, ...(isRoot ? { blocks: blockedBelow(node).length } : {}) });
    lines.push(`${prefix}${branch}${text}`);
    const childPrefix = isRoot ? '  ' : prefix + (branch === '├─ ' ? '│  ' : '   ');
    node.children.forEach((c, i) => draw(c, childPrefix, i === node.children.length - 1 ? '└─ ' : '├─ ', false));
  };
  for (const root of report.blocking) draw(root, '  ', '', true);
  return lines;
}

export function renderLockReportText(report: LockReport): string {
  const byPid = new Map(report.sessions.map((s) => [s.pid, s]));
  const threshold = formatAge(report.olderThanMs);
  const out: string[] = [];
  out.push(
    `Locks in database ${JSON.stringify(report.database)} as role ${JSON.stringify(report.role)} ` +
      `(PostgreSQL ${formatServerVersion(report.serverVersion)}), ${plural(report.sessions.length, 'other session')}, taken at ${report.takenAt}`,
  );
  out.push('');
  if (report.blocking.length === 0) {
    out.push('Blocking chains: none (no session waits for a lock another holds)');
  } else {
    const blocked = new Set(report.sessions.filter((s) => s.blockedBy.length > 0).map((s) => s.pid));
    out.push(`Blocking chains: ${plural(report.blocking.length, 'root')}, ${plural(blocked.size, 'session')} waiting`);
    out.push(...renderBlockingTree(report));
  }
  const list = (title: string, pids: readonly number[]): void => {
    out.push('');
    out.push(`${title}: ${pids.length === 0 ? 'none' : pids.length}`);
    for (const pid of pids) {
      const s = byPid.get(pid);
      if (s) out.push(`  ${sessionLine(s)}`);
    }
  };
  list(`Idle in transaction for ${threshold} or more`, report.idleInTransaction);
  list(`Transactions open for ${threshold} or more`, report.oldTransactions);
  if (report.preparedTransactions.length > 0) {
    out.push('');
    out.push(`Prepared transactions: ${report.preparedTransactions.length} (they hold their locks until COMMIT PREPARED or ROLLBACK PREPARED)`);
    for (const p of report.preparedTransactions) {
      out.push(`  ${JSON.stringify(clean(p.gid))}  owner ${clean(p.owner)}  xid ${p.transactionId}${p.ageMs !== null ? `  prepared ${formatAge(p.ageMs)} ago` : ''}`);
    }
  }
  if (report.relations) {
    out.push('');
    const names = report.relations.requested.map((r) => displayName(r.schema, r.name) + (r.exists ? '' : ' (does not exist)')).join(', ');
    out.push(`Sessions with locks on ${names}: ${report.relations.pids.length === 0 ? 'none' : report.relations.pids.join(', ')}`);
  }
  out.push('');
  if (report.limits.length === 0) {
    out.push('Limits: none (this role sees every session)');
  } else {
    out.push('Limits:');
    for (const l of report.limits) out.push(`  - ${l}`);
  }
  const roots = report.blocking.filter((n) => n.pid !== 0 && byPid.get(n.pid)).map((n) => n.pid);
  if (roots.length > 0) {
    out.push('');
    out.push(`To end the blocking at its root: reconcile locks --terminate ${roots.join(' ')} --yes (or --cancel to stop only the running query)`);
  }
  return out.join('\n') + '\n';
}

export function renderLockReportJson(report: LockReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export function renderSignalResults(results: readonly SignalResult[]): string {
  return (
    results
      .map((r) => {
        const done = r.mode === 'terminate' ? 'terminated' : 'cancelled';
        return r.ok ? `pid ${r.pid}: ${done}` : `pid ${r.pid}: not ${done} (${r.outcome}): ${r.reason ?? ''}`;
      })
      .join('\n') + '\n'
  );
}
