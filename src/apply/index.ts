/**
 * apply: one session, an advisory lock against concurrent runs, a preflight
 * that refuses (or waits) while other sessions would make our DDL queue,
 * statements under short lock timeouts with retries, and a final check that
 * every guarded statement is no longer needed.
 */
import type pg from 'pg';
import type { Connection } from '../db/connection.js';
import { openClient } from '../db/pool.js';
import { ReconcileError } from '../errors.js';
import { inspectConnection } from '../introspect/live.js';
import { renderLockReportText } from '../locks/index.js';
import { schemaHash } from '../model/hash.js';
import type { Plan, Statement } from '../plan/types.js';
import { acquireRunLock, releaseRunLock } from './advisory.js';
import { execute } from './execute.js';
import { preflight } from './preflight.js';
import { REHEARSAL_MAX_TABLES, rehearsalSummary, rehearse, type RehearsalInput } from './rehearse.js';
import type { ApplyEvent, ApplyOptions, ApplyResult } from './types.js';

export type { ApplyEvent, ApplyOptions, ApplyResult, StatementOutcome, StatementStatus } from './types.js';
export { DEFAULT_APPLY_OPTIONS } from './types.js';
export { readPlanFile, type PlanFile } from './plan-file.js';
export { rehearse, rehearsalSummary, type Rehearsal, type RehearsalInput } from './rehearse.js';

export interface ApplyInput {
  readonly connection: Connection;
  readonly plan: Plan;
  /** For saved plans: the live schema hash the plan was made against. */
  readonly expectedLiveHash?: string | null;
  /** Run even when the live schema changed since the plan was made, or the plan was edited. */
  readonly force?: boolean;
  /** Apply the safe statements and leave the withheld (hazardous) ones out. */
  readonly skipWithheld?: boolean;
  readonly options: ApplyOptions;
  readonly emit?: (e: ApplyEvent) => void;
  /**
   * Aborted on an interrupt (SIGINT, SIGTERM): the query running on the live
   * session is cancelled on the server (pg_cancel_backend from a second
   * session), no statement starts after it, and the report says `interrupted`.
   */
  readonly signal?: AbortSignal | undefined;
  /** What the rehearsal needs besides the plan (the live model, and the declared one to compare again). */
  readonly rehearsal?: Omit<RehearsalInput, 'plan'> | undefined;
}

export interface ApplyReport extends ApplyResult {
  /** How many statements the plan had. */
  readonly planned: number;
  /** Guarded statements that still say they are needed after the run (should be empty). */
  readonly stillNeeded: readonly Statement[];
}

async function checkLiveHash(conn: Connection, expected: string, force: boolean): Promise<void> {
  const live = await inspectConnection(conn);
  if (schemaHash(live.schema) !== expected && !force) {
    throw new ReconcileError('refused', 'the live schema changed since this plan was made (or the plan is for another database)', 'plan again, or pass --force to run it anyway');
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Cancel what session `pid` runs, from a session of its own (the live one is busy). */
async function cancelBackend(conn: Connection, pid: number): Promise<void> {
  const other = await openClient(conn);
  try {
    await other.query('SELECT pg_catalog.pg_cancel_backend($1)', [pid]);
  } finally {
    await other.end().catch(() => undefined);
  }
}

async function waitForBlockers(client: pg.Client, statements: readonly Statement[], options: ApplyOptions, emit: (e: ApplyEvent) => void, signal: AbortSignal | undefined): Promise<boolean> {
  const deadline = Date.now() + options.waitForBlockersMs;
  const started = Date.now();
  for (;;) {
    if (signal?.aborted) return false;
    const pf = await preflight(client, statements, options.olderThanMs);
    const pids = [...new Set(pf.blockers.map((b) => b.pid))];
    emit({ event: 'preflight', blockers: pids, waitingMs: Date.now() - started });
    if (pids.length === 0) return true;
    if (Date.now() >= deadline) {
      const list = pf.blockers.map((b) => `pid ${b.pid} ${b.granted ? 'holds' : 'waits for'} ${b.mode} on ${b.relation.schema}.${b.relation.name}`);
      throw new ReconcileError(
        'refused',
        `sessions hold or wait for locks on tables the plan changes: ${list.join('; ')}`,
        'end them (reconcile locks --terminate PID --yes), or wait with --wait-for-blockers 5m',
        renderLockReportText(pf.report),
      );
    }
    await pause(1000, signal);
  }
}

async function stillNeeded(client: pg.Client, statements: readonly Statement[]): Promise<Statement[]> {
  const out: Statement[] = [];
  for (const s of statements) {
    if (!s.guard) continue;
    const r = await client.query<{ needed: boolean }>(s.guard);
    if (r.rows[0]?.needed) out.push(s);
  }
  return out;
}

export async function applyPlan(input: ApplyInput): Promise<ApplyReport> {
  const emit = input.emit ?? (() => undefined);
  const { plan, options } = input;
  if (plan.withheld.length > 0 && !input.skipWithheld) {
    const kinds = [...new Set(plan.withheld.flatMap((s) => s.hazards.map((h) => h.kind)))];
    throw new ReconcileError(
      'refused',
      `${plan.withheld.length} statement(s) are hazardous (${kinds.join(', ')}) and were not allowed: ${plan.withheld.map((s) => s.description).join('; ')}`,
      `allow them by kind with --allow-hazards ${kinds.join(',')}, or pass --skip-withheld to apply the rest`,
    );
  }
  for (const n of plan.notes) if (n.level === 'warning') emit({ event: 'warning', message: n.message });
  if (input.expectedLiveHash) await checkLiveHash(input.connection, input.expectedLiveHash, input.force ?? false);
  if (input.signal?.aborted) throw new ReconcileError('internal', 'apply was interrupted before it touched the database');
  if (options.rehearse && !options.dryRun && input.rehearsal && plan.statements.some((s) => s.phase !== 'ledger')) {
    const r = await rehearse({ ...input.rehearsal, plan, ...(options.rehearse === 'auto' ? { maxTables: REHEARSAL_MAX_TABLES } : {}) });
    const ok = r.failed.length === 0 && r.left.length === 0;
    emit({ event: 'rehearsal', summary: rehearsalSummary(r), ok });
    if (!ok) {
      const what = [
        ...r.failed.map((f) => `${f.statement.description}: ${f.error}`),
        ...r.left.map((l) => `still different after the plan: ${l}`),
      ];
      throw new ReconcileError(
        'refused',
        `the rehearsal on a copy of the live schema failed, so the live database was not touched: ${what.join('; ')}`,
        'plan again and read the statements named; --no-rehearse runs the plan without it',
      );
    }
  }
  const client = await openClient(input.connection);
  try {
    await client.query('SET search_path = pg_catalog');
    await acquireRunLock(client, options.waitForLockMs);
    const pid = (await client.query<{ pid: number }>('SELECT pg_catalog.pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
    emit({ event: 'lock-acquired', pid });
    const signal = input.signal;
    let cancelling: Promise<void> | null = null;
    const onAbort = (): void => {
      cancelling = cancelBackend(input.connection, pid).catch(() => undefined);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (!options.dryRun && !(await waitForBlockers(client, plan.statements, options, emit, signal))) {
        return { outcomes: [], complete: false, stoppedAt: 0, stopReason: 'interrupted', interrupted: { at: 0, cancelled: null }, planned: plan.statements.length, stillNeeded: [] };
      }
      const result = await execute(client, plan.statements, options, emit, signal);
      const remaining = result.complete && !options.dryRun && !signal?.aborted ? await stillNeeded(client, plan.statements) : [];
      return { ...result, planned: plan.statements.length, stillNeeded: remaining };
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (cancelling) await cancelling;
      await releaseRunLock(client).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
