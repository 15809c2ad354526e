/**
 * Building blocks for ledger statements: every identifier and value through
 * render/quote.ts; every statement idempotent by itself (no guard needed).
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName, Table } from '../model/types.js';
import type { LockLevel, Statement } from '../plan/types.js';

/**
 * `Statement.source` must be a `Change`, and the `Change` union has no ledger kind
 * yet: ledger statements point at the ledger table itself (as a `missing-table`
 * change with no columns). Not part of `plan.changes`, so JSON plans show
 * `change: null` for them.
 */
export function ledgerSource(table: QualifiedName): Change {
  const t: Table = {
    schema: table.schema,
    name: table.name,
    kind: 'table',
    partitionKey: null,
    partitionOf: null,
    columns: [],
    primaryKey: null,
    foreignKeys: [],
    uniques: [],
    checks: [],
    exclusions: [],
    indexes: [],
  };
  return { kind: 'missing-table', table: t };
}

/**
 * INSERT and DELETE take ROW EXCLUSIVE, which `LockLevel` cannot say; SHARE UPDATE
 * EXCLUSIVE is the weakest level it has that conflicts with everything ROW
 * EXCLUSIVE conflicts with (it overstates only against VACUUM).
 */
export const ROW_WRITE_LOCK: LockLevel = 'SHARE UPDATE EXCLUSIVE';

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
