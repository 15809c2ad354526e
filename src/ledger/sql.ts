/**
 * Building blocks for ledger statements: every identifier and value through
 * render/quote.ts; every statement idempotent by itself (no guard needed).
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName } from '../model/types.js';
import type { LockLevel, Statement } from '../plan/types.js';

/**
 * Every ledger statement repairs one `ledger-differs` change. A placeholder
 * here; `withLedgerFix` replaces it with the one change it adds to the plan, so
 * statements and changes stay linked (JSON plans refer to changes by index).
 */
export function ledgerSource(table: QualifiedName): Change {
  return { kind: 'ledger-differs', ledger: table, record: [], prune: [] };
}

/** INSERT and DELETE on the ledger table take ROW EXCLUSIVE. */
export const ROW_WRITE_LOCK: LockLevel = 'ROW EXCLUSIVE';

export function ledgerStatement(
  table: QualifiedName,
  input: { description: string; sql: string; lockLevel?: LockLevel; locks?: readonly QualifiedName[] },
): Statement {
  return {
    phase: 'ledger',
    description: input.description,
    sql: input.sql,
    guard: null,
    lockLevel: input.lockLevel ?? 'none',
    locks: input.locks ?? [],
    transactional: true,
    duration: 'brief',
    hazards: [],
    cleanup: null,
    source: ledgerSource(table),
  };
}
