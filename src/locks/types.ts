/**
 * The lock report: what `readLockReport` returns and, unchanged, what
 * `reconcile locks --format json` prints. The shape is stable: fields are only
 * ever added, and `formatVersion` changes if one is removed or changes meaning.
 *
 * ```jsonc
 * {
 *   "formatVersion": 1,
 *   "database": "app", "role": "postgres", "serverVersion": 180004,
 *   "takenAt": "2026-01-01T12:00:00.000+00:00",  // the server's clock
 *   "olderThanMs": 60000,                         // threshold for the two lists below
 *   "sessions": [LockSession],                    // every other session of the database, by pid
 *   "blocking": [BlockNode],                      // the blocking forest (roots block, are not blocked)
 *   "idleInTransaction": [pid],                   // idle in transaction for >= olderThanMs
 *   "oldTransactions": [pid],                     // transaction open for >= olderThanMs
 *   "preparedTransactions": [PreparedTransaction],
 *   "relations": null | RelationCheck,            // when asked about given relations
 *   "limits": ["..."]                             // what this role could not see or do
 * }
 * ```
 * Ages are whole milliseconds measured against `takenAt`; `null` when PostgreSQL
 * does not say (no transaction, or the row is hidden from this role).
 *
 * With `--terminate` / `--cancel`, `--format json` prints instead
 * `{ formatVersion, database, targets: [{ pid, mode, session: LockSession | null }],
 *    results: null | [{ pid, mode, ok, outcome, reason }] }` (`results` is null when refused;
 * `outcome` is `terminated`, `cancelled`, `not-found`, `permission-denied` or `failed`).
 */
import type { QualifiedName } from '../model/types.js';

export const LOCK_REPORT_FORMAT_VERSION = 1;

/** A lock on a relation (table, index, sequence, view) that a session holds or waits for. */
export interface RelationLock {
  /** `null` when the relation has no name we can see (created by an uncommitted transaction, or just dropped). */
  readonly relation: QualifiedName | null;
  readonly relationOid: number;
  /** `AccessShareLock` … `AccessExclusiveLock`, as in `pg_locks.mode`. */
  readonly mode: string;
  readonly granted: boolean;
  /** How long it has waited (ungranted locks only). */
  readonly waitMs: number | null;
}

/** The lock a session waits for, of any kind (relation, row via transaction id, advisory, ...). */
export interface AwaitedLock {
  /** `pg_locks.locktype`: `relation`, `transactionid`, `tuple`, `advisory`, `virtualxid`, ... */
  readonly locktype: string;
  readonly mode: string;
  readonly relation: QualifiedName | null;
  readonly relationOid: number | null;
  /** For `transactionid` waits (a row lock held by that transaction). */
  readonly transactionId: string | null;
  readonly waitMs: number | null;
}

export interface LockSession {
  readonly pid: number;
  /** The session's database; differs from the report's only for a blocker outside it. */
  readonly database: string | null;
  readonly user: string | null;
  readonly applicationName: string | null;
  /** Client IP address, `local` for a Unix socket, `null` for background processes or hidden rows. */
  readonly clientAddress: string | null;
  /** `client backend`, `autovacuum worker`, ...; `null` when hidden. */
  readonly backendType: string | null;
  /** `active`, `idle`, `idle in transaction`, `idle in transaction (aborted)`, ...; `null` when hidden. */
  readonly state: string | null;
  readonly waitEventType: string | null;
  readonly waitEvent: string | null;
  readonly backendAgeMs: number | null;
  readonly xactAgeMs: number | null;
  readonly queryAgeMs: number | null;
  /** Time in the current state (for `idle in transaction`: how long it has been idle). */
  readonly stateAgeMs: number | null;
  /** Current or last query on one line, at most ~200 characters, password literals masked. */
  readonly query: string | null;
  /** PostgreSQL hid this session's details from the role (`<insufficient privilege>`). */
  readonly hidden: boolean;
  /** `pg_blocking_pids`: sessions this one waits for (0 stands for a prepared transaction). */
  readonly blockedBy: readonly number[];
  /** Relation locks held or awaited (granted weak locks on system catalogs left out). */
  readonly locks: readonly RelationLock[];
  readonly waitingFor: AwaitedLock | null;
}

/**
 * One node of the blocking forest. `repeated` marks a session already shown
 * elsewhere in the forest (blocked by several sessions, or a lock cycle); its
 * children are listed only at its first appearance.
 */
export interface BlockNode {
  readonly pid: number;
  readonly children: readonly BlockNode[];
  readonly repeated: boolean;
}

export interface PreparedTransaction {
  readonly gid: string;
  readonly owner: string;
  readonly transactionId: string;
  readonly ageMs: number | null;
}

export interface RelationCheck {
  readonly requested: readonly (QualifiedName & { readonly exists: boolean })[];
  /** Exactly the sessions that hold or wait for a lock on one of the requested relations. */
  readonly pids: readonly number[];
}

export interface LockReport {
  readonly formatVersion: typeof LOCK_REPORT_FORMAT_VERSION;
  readonly database: string;
  readonly role: string;
  readonly serverVersion: number;
  readonly takenAt: string;
  readonly olderThanMs: number;
  readonly sessions: readonly LockSession[];
  readonly blocking: readonly BlockNode[];
  readonly idleInTransaction: readonly number[];
  readonly oldTransactions: readonly number[];
  readonly preparedTransactions: readonly PreparedTransaction[];
  readonly relations: RelationCheck | null;
  readonly limits: readonly string[];
}

export interface LockReportOptions {
  /** Threshold for `idleInTransaction` (time idle) and `oldTransactions` (transaction age). */
  readonly olderThanMs: number;
  /** Also say which sessions hold or wait for locks on these relations (the `apply` preflight). */
  readonly relations?: readonly QualifiedName[] | undefined;
}
