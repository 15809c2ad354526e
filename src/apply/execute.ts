/**
 * Running statements one by one on one session: guard first, then the
 * statement under `lock_timeout`, retried with exponential backoff and jitter
 * on lock timeouts and deadlocks. Each statement commits on its own, so a stop
 * at any point leaves only whole statements done; every statement is
 * idempotent, so running again finishes the job.
 */
import type pg from 'pg';
import type { Statement } from '../plan/types.js';
import { blockedBy } from './depends.js';
import { faultPoint } from './fault.js';
import { chooseTimeout, timeoutMessage, type TimeoutChoice } from './timeout.js';
import type { ApplyEvent, ApplyOptions, ApplyResult, StatementOutcome } from './types.js';

const RETRYABLE = new Set(['55P03', '40P01']);

interface PgError {
  code?: string;
  message?: string;
  hint?: string;
}

async function isNeeded(client: pg.Client, s: Statement): Promise<boolean> {
  if (!s.guard) return true;
  const r = await client.query<{ needed: boolean }>(s.guard);
  return r.rows[0]?.needed === true;
}

async function cleanup(client: pg.Client, s: Statement): Promise<void> {
  if (!s.cleanup) return;
  const r = await client.query<{ needed: boolean }>(s.cleanup.guard).catch(() => null);
  if (r?.rows[0]?.needed) await client.query(s.cleanup.sql).catch(() => undefined);
}

function backoff(options: ApplyOptions, attempt: number): number {
  const base = options.backoffMs * 2 ** (attempt - 1);
  return Math.round(base * (0.5 + Math.random()));
}

async function settings(client: pg.Client, choice: TimeoutChoice, options: ApplyOptions): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(options.lockTimeoutMs))}; SET statement_timeout = ${Math.max(0, Math.round(choice.ms))}`);
}

function describeError(e: unknown): string {
  const err = e as PgError;
  const msg = (err.message ?? String(e)).split('\n')[0] ?? '';
  return err.hint ? `${msg} (${err.hint})` : msg;
}

/**
 * `signal`: when it aborts, the caller cancels the running query on the server
 * (pg_cancel_backend from another session); no statement starts after it, and
 * the result says `interrupted`.
 */
export async function execute(client: pg.Client, statements: readonly Statement[], options: ApplyOptions, emit: (e: ApplyEvent) => void, signal?: AbortSignal): Promise<ApplyResult> {
  const outcomes: StatementOutcome[] = [];
  const total = statements.length;
  const failed: Statement[] = [];
  let first: { index: number; error: string } | null = null;
  for (let index = 0; index < total; index++) {
    const s = statements[index]!;
    if (signal?.aborted) return { outcomes, complete: false, stoppedAt: index, stopReason: 'interrupted', interrupted: { at: index, cancelled: null } };
    // A failure stops only what needs it; the independent rest still runs.
    const blocker = blockedBy(s, failed);
    if (blocker) {
      const error = `not run: it needs "${blocker.description}", which failed`;
      outcomes.push({ statement: s, status: 'blocked', attempts: 0, elapsedMs: 0, error });
      failed.push(s);
      emit({ event: 'statement-end', index, total, statement: s, status: 'blocked', elapsedMs: 0, attempts: 0, error });
      continue;
    }
    emit({ event: 'statement-start', index, total, statement: s });
    const started = Date.now();
    let attempts = 0;
    let outcome: StatementOutcome | null = null;
    let choice: TimeoutChoice | null = null;
    let ran = false;
    while (outcome === null) {
      attempts++;
      ran = false;
      try {
        if (choice === null) {
          choice = await chooseTimeout(client, s, options);
          if (choice.kind === 'table-size' || choice.kind === 'flag') {
            emit({ event: 'statement-timeout', index, timeoutMs: choice.ms, from: choice.kind, ...(choice.kind === 'table-size' ? { tableBytes: choice.size.bytes, tableRows: choice.size.rows } : {}) });
          }
        }
        await settings(client, choice, options);
        if (!(await isNeeded(client, s))) {
          outcome = { statement: s, status: 'skipped', attempts, elapsedMs: Date.now() - started, error: null };
          break;
        }
        if (options.dryRun) {
          outcome = { statement: s, status: 'would-run', attempts, elapsedMs: Date.now() - started, error: null };
          break;
        }
        if (signal?.aborted) break;
        ran = true;
        const running = client.query(s.sql);
        faultPoint('during', index);
        await running;
        outcome = { statement: s, status: 'done', attempts, elapsedMs: Date.now() - started, error: null };
      } catch (e) {
        const code = (e as PgError).code ?? '';
        await cleanup(client, s);
        if (signal?.aborted) break;
        if (RETRYABLE.has(code) && attempts <= options.retries) {
          const delayMs = backoff(options, attempts);
          emit({ event: 'retry', index, attempt: attempts, code, delayMs });
          await new Promise((r) => setTimeout(r, delayMs));
          continue;
        }
        const error = RETRYABLE.has(code)
          ? `could not get the lock after ${attempts} attempt(s) of ${options.lockTimeoutMs}ms: ${describeError(e)}`
          : code === '57014' && ran && choice && /statement timeout/.test((e as PgError).message ?? '')
            ? timeoutMessage(s, choice)
            : describeError(e);
        outcome = { statement: s, status: 'failed', attempts, elapsedMs: Date.now() - started, error };
      }
    }
    if (outcome === null) {
      // Interrupted: the statement (if it had started) was cancelled on the server and rolled back.
      const elapsedMs = Date.now() - started;
      const error = ran ? 'cancelled on the server (apply was interrupted), rolled back' : 'not run (apply was interrupted)';
      outcomes.push({ statement: s, status: 'cancelled', attempts, elapsedMs, error });
      emit({ event: 'statement-end', index, total, statement: s, status: 'cancelled', elapsedMs, attempts, error });
      return { outcomes, complete: false, stoppedAt: index, stopReason: 'interrupted', interrupted: { at: index, cancelled: ran ? s : null } };
    }
    outcomes.push(outcome);
    emit({ event: 'statement-end', index, total, statement: s, status: outcome.status, elapsedMs: outcome.elapsedMs, attempts, ...(outcome.error ? { error: outcome.error } : {}) });
    if (outcome.status === 'failed') {
      failed.push(s);
      first ??= { index, error: outcome.error ?? 'failed' };
    }
    faultPoint('after', index);
  }
  if (first) return { outcomes, complete: false, stoppedAt: first.index, stopReason: first.error };
  return { outcomes, complete: true, stoppedAt: null, stopReason: null };
}
