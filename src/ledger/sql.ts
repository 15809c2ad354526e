/**
 * Building blocks for ledger statements: every identifier and value through
 * render/quote.ts; every statement idempotent by itself (no guard needed).
 */
import type { Change } from '../diff/changes.js';
import type { Queryable } from '../db/pool.js';
import { ReconcileError } from '../errors.js';
import type { QualifiedName } from '../model/types.js';
import { ident, literal, qualified } from '../render/quote.js';
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

/** Delete one ledger row that no migration of the source explains (`--ledger-prune`), matched on every given column. */
export function pruneStatement(table: QualifiedName, display: string, match: Readonly<Record<string, string>>): Statement {
  const where = Object.entries(match).map(([col, value]) => `${ident(col)} = ${literal(value)}`).join(' AND ');
  return ledgerStatement(table, {
    description: `remove the ledger row ${display}: no such migration in the source`,
    sql: `DELETE FROM ${qualified(table)} WHERE ${where}`,
    lockLevel: ROW_WRITE_LOCK,
    locks: [table],
  });
}

/**
 * A ledger table that exists must have the columns the adapter reads; a table
 * of the same name made by another tool is an error that says so, not a crash.
 */
/** Where a ledger table of this name is: `public` first, then by schema name; null when absent. */
export async function locateLedgerTable(db: Queryable, name: string): Promise<QualifiedName | null> {
  const res = await db.query<{ schema: string }>(
    `SELECT n.nspname AS schema FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname = $1 AND c.relkind IN ('r', 'p') ORDER BY (n.nspname = 'public') DESC, n.nspname`,
    [name],
  );
  const schema = res.rows[0]?.schema;
  return schema === undefined ? null : { schema, name };
}

export async function requireLedgerColumns(db: Queryable, table: QualifiedName, ledger: string, columns: readonly string[]): Promise<void> {
  const res = await db.query<{ name: string }>(
    'SELECT attname::text AS name FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass($1) AND attnum > 0 AND NOT attisdropped',
    [qualified(table)],
  );
  const present = new Set(res.rows.map((r) => r.name));
  const missing = columns.filter((c) => !present.has(c));
  if (missing.length > 0) {
    throw new ReconcileError(
      'bad-input',
      `${table.schema}.${table.name} is not ${ledger}'s migration ledger: it has no column ${missing.join(', ')} (it has ${[...present].join(', ') || 'none'})`,
      'choose the ledger with --ledger django|drizzle|prisma|flyway|golang-migrate|dbmate|goose|none',
    );
  }
}
