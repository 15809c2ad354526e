/**
 * `statement_timeout` per statement. Brief statements get the brief budget
 * (`briefTimeoutMs`). Long statements that hold a lock the workload queues
 * behind (a table rewrite, a scan under ACCESS EXCLUSIVE / SHARE) get a budget
 * from the size of the tables they lock, read from the server just before the
 * statement runs (`pg_total_relation_size`: heap, TOAST and indexes, since a
 * rewrite rebuilds them all; `reltuples` for the message): a floor of 30 s plus
 * 2 minutes per GiB. That is generous on purpose (a rewrite on this project's
 * 2-core bench VM runs at ~150 MB/s, 18x faster): it exists to stop a runaway
 * hold of the lock (a table much bigger than expected), not to cut a normal
 * one. `--rewrite-timeout` overrides it (`0`: none). Long statements that take
 * no blocking lock (`CREATE INDEX CONCURRENTLY`, `VALIDATE CONSTRAINT`) run
 * with no statement timeout: the workload does not wait for them.
 */
import type pg from 'pg';
import { qualified } from '../render/quote.js';
import type { LockLevel, Statement } from '../plan/types.js';
import type { ApplyOptions } from './types.js';

export const REWRITE_FLOOR_MS = 30_000;
export const REWRITE_MS_PER_GIB = 120_000;
const GIB = 1024 ** 3;

/** Locks under which ordinary reads or writes of the table wait. */
const BLOCKING: ReadonlySet<LockLevel> = new Set<LockLevel>(['SHARE', 'SHARE ROW EXCLUSIVE', 'ACCESS EXCLUSIVE']);

/** True for statements that take long while the workload waits on their lock. */
export function holdsWhileLong(s: Statement): boolean {
  return s.duration === 'long' && BLOCKING.has(s.lockLevel);
}

/** The size-based budget for `bytes` of tables (with their indexes and TOAST). */
export function rewriteBudgetMs(bytes: number): number {
  return REWRITE_FLOOR_MS + Math.ceil((Math.max(0, bytes) / GIB) * REWRITE_MS_PER_GIB);
}

export interface TableSize {
  readonly bytes: number;
  readonly rows: number;
}

/** Total size and estimated rows of the tables a statement locks (missing tables count 0). */
export async function tableSize(client: pg.Client, s: Statement): Promise<TableSize> {
  if (s.locks.length === 0) return { bytes: 0, rows: 0 };
  const r = await client.query<{ bytes: string; rows: string }>(
    `SELECT coalesce(sum(pg_catalog.pg_total_relation_size(c.oid)), 0)::text AS bytes,
            coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint::text AS rows
       FROM pg_catalog.pg_class c
      WHERE c.oid IN (SELECT pg_catalog.to_regclass(x) FROM pg_catalog.unnest($1::text[]) AS x)`,
    [s.locks.map(qualified)],
  );
  return { bytes: Number(r.rows[0]?.bytes ?? 0), rows: Number(r.rows[0]?.rows ?? 0) };
}

export type TimeoutChoice =
  | { readonly kind: 'brief'; readonly ms: number }
  | { readonly kind: 'none'; readonly ms: 0 }
  | { readonly kind: 'table-size'; readonly ms: number; readonly size: TableSize }
  | { readonly kind: 'flag'; readonly ms: number };

/** The statement timeout for `s`: reads the table sizes only for long blocking statements. */
export async function chooseTimeout(client: pg.Client, s: Statement, options: ApplyOptions): Promise<TimeoutChoice> {
  if (s.duration === 'brief') return { kind: 'brief', ms: options.briefTimeoutMs };
  if (!holdsWhileLong(s)) return { kind: 'none', ms: 0 };
  if (options.rewriteTimeoutMs !== null) return { kind: 'flag', ms: options.rewriteTimeoutMs };
  const size = await tableSize(client, s);
  return { kind: 'table-size', ms: rewriteBudgetMs(size.bytes), size };
}

export function formatMs(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms >= 1000) return `${Math.round(ms / 100) / 10}s`;
  return `${ms}ms`;
}

function formatBytes(bytes: number): string {
  if (bytes >= GIB) return `${(bytes / GIB).toFixed(1)} GiB`;
  return `${Math.max(0, Math.round(bytes / 1024 ** 2))} MiB`;
}

/** Why a statement stopped at its statement timeout, with what to do. */
export function timeoutMessage(s: Statement, choice: TimeoutChoice): string {
  const tables = s.locks.map(qualified).join(', ');
  switch (choice.kind) {
    case 'table-size':
      return `stopped by its statement_timeout of ${formatMs(choice.ms)} (chosen from the size of ${tables}: ${formatBytes(choice.size.bytes)}, about ${choice.size.rows} rows; ${formatMs(REWRITE_FLOOR_MS)} + ${formatMs(REWRITE_MS_PER_GIB)} per GiB), rolled back; give it longer with --rewrite-timeout DURATION`;
    case 'flag':
      return `stopped by its statement_timeout of ${formatMs(choice.ms)} (--rewrite-timeout), rolled back; give it longer with --rewrite-timeout DURATION (0: none)`;
    case 'brief':
      return `stopped by its statement_timeout of ${formatMs(choice.ms)} for brief statements, rolled back`;
    case 'none':
      return 'stopped by a statement timeout set on the server (the role or database sets statement_timeout), rolled back';
  }
}
