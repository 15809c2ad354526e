/** What `apply` takes and reports. */
import type { Statement } from '../plan/types.js';

export interface ApplyOptions {
  /** `lock_timeout` per statement, in ms. */
  readonly lockTimeoutMs: number;
  /** `statement_timeout` for brief statements, in ms. */
  readonly briefTimeoutMs: number;
  /**
   * `statement_timeout` for long statements that hold a blocking lock (rewrites), in ms;
   * null: chosen from the size of the tables (src/apply/timeout.ts); 0: none.
   */
  readonly rewriteTimeoutMs: number | null;
  /** Retries on lock_not_available (55P03) and deadlock (40P01). */
  readonly retries: number;
  /** First backoff, doubled each retry, with ±50% jitter. */
  readonly backoffMs: number;
  /** How long to wait for another run's advisory lock before refusing. */
  readonly waitForLockMs: number;
  /** How long to wait for sessions that block the plan's tables before refusing (0: refuse at once). */
  readonly waitForBlockersMs: number;
  /** Sessions idle in transaction or with transactions older than this are reported at preflight. */
  readonly olderThanMs: number;
  /** Run guards only and say what would run. */
  readonly dryRun: boolean;
  /**
   * Run the plan on a copy of the live schema in the shadow first: `auto` when the copy
   * holds at most REHEARSAL_MAX_TABLES tables, `true` always (`--rehearse`), `false` never (`--no-rehearse`).
   */
  readonly rehearse: boolean | 'auto';
}

export const DEFAULT_APPLY_OPTIONS: ApplyOptions = {
  lockTimeoutMs: 2000,
  briefTimeoutMs: 60_000,
  rewriteTimeoutMs: null,
  retries: 5,
  backoffMs: 250,
  waitForLockMs: 0,
  waitForBlockersMs: 0,
  olderThanMs: 60_000,
  dryRun: false,
  rehearse: 'auto',
};

/** `blocked`: not run because a statement it needs failed; `cancelled`: stopped on the server because apply was interrupted. */
export type StatementStatus = 'done' | 'skipped' | 'would-run' | 'failed' | 'blocked' | 'cancelled';

export type ApplyEvent =
  /** A warning of the plan (a change it cannot make, a migration it leaves unrecorded), before anything runs. */
  | { readonly event: 'warning'; readonly message: string }
  | { readonly event: 'rehearsal'; readonly summary: string; readonly ok: boolean }
  | { readonly event: 'lock-acquired'; readonly pid: number }
  | { readonly event: 'preflight'; readonly blockers: readonly number[]; readonly waitingMs: number }
  | { readonly event: 'statement-start'; readonly index: number; readonly total: number; readonly statement: Statement }
  | {
      /** The statement timeout a long blocking statement runs under, and where it came from. */
      readonly event: 'statement-timeout';
      readonly index: number;
      readonly timeoutMs: number;
      readonly from: 'table-size' | 'flag';
      readonly tableBytes?: number;
      readonly tableRows?: number;
    }
  | { readonly event: 'retry'; readonly index: number; readonly attempt: number; readonly code: string; readonly delayMs: number }
  | {
      readonly event: 'statement-end';
      readonly index: number;
      readonly total: number;
      readonly statement: Statement;
      readonly status: StatementStatus;
      readonly elapsedMs: number;
      readonly attempts: number;
      readonly error?: string;
    };

export interface StatementOutcome {
  readonly statement: Statement;
  readonly status: StatementStatus;
  readonly attempts: number;
  readonly elapsedMs: number;
  readonly error: string | null;
}

export interface ApplyResult {
  readonly outcomes: readonly StatementOutcome[];
  /** True when every statement ran or was already done. */
  readonly complete: boolean;
  /** The first statement that failed (the run went on with the statements that do not need it). */
  readonly stoppedAt: number | null;
  readonly stopReason: string | null;
  /** Set when apply was interrupted (a signal): the statement running then was cancelled on the server, no later one started. */
  readonly interrupted?: { readonly at: number; readonly cancelled: Statement | null } | undefined;
}
