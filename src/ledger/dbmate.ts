/**
 * dbmate: `schema_migrations(version varchar(255) primary key)`, one row per applied
 * migration, the version being the file name's leading digits as text
 * (amacneil/dbmate `pkg/driver/postgres/postgres.go`: `CreateMigrationsTable`,
 * `SelectMigrations`, `InsertMigration`; cited in ledger/README.md). dbmate applies
 * every file whose version has no row, in file-name order; a row is the whole record.
 * The table shares golang-migrate's default name: one with a `dirty` column is
 * golang-migrate's, and an error here.
 */
import type { Queryable } from '../db/pool.js';
import type { DeclaredSource, Migration } from '../declared/types.js';
import { versionOfKey } from '../declared/sources/sql-tools-names.js';
import { ReconcileError } from '../errors.js';
import type { QualifiedName } from '../model/types.js';
import { literal, qualified } from '../render/quote.js';
import { ROW_WRITE_LOCK, ledgerStatement, locateLedgerTable, pruneStatement, requireLedgerColumns } from './sql.js';
import type { FixRequest, LedgerAdapter, LedgerEntry, LedgerMatch, LedgerReading, LedgerRow } from './types.js';

export const DBMATE_TABLE = 'schema_migrations';

export type DbmateRow = LedgerRow;

const versionOf = (m: Migration): string => versionOfKey('dbmate-folder', m.key);

async function read(db: Queryable): Promise<LedgerReading<DbmateRow>> {
  const table = await locateLedgerTable(db, DBMATE_TABLE);
  if (!table) return { kind: 'dbmate', table: { schema: 'public', name: DBMATE_TABLE }, exists: false, rows: [] };
  await requireLedgerColumns(db, table, 'dbmate', ['version']);
  const dirty = await db.query('SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass($1) AND attname = $2 AND NOT attisdropped', [qualified(table), 'dirty']);
  if (dirty.rows.length > 0) {
    throw new ReconcileError('bad-input', `${table.schema}.${table.name} is golang-migrate's ledger (it has a dirty column), not dbmate's`, 'use --ledger golang-migrate with a golang-migrate folder, or --ledger none');
  }
  const res = await db.query<{ version: string }>(`SELECT "version"::text AS version FROM ${qualified(table)} ORDER BY "version"`);
  const rows = res.rows.map((r): DbmateRow => ({ id: r.version, display: `version ${r.version}`, values: { version: r.version } }));
  return { kind: 'dbmate', table, exists: true, rows };
}

function match(reading: LedgerReading<DbmateRow>, migrations: readonly Migration[], _source: DeclaredSource): LedgerMatch<DbmateRow> {
  const byVersion = new Map(reading.rows.map((r) => [r.id, r]));
  const entries = new Map<string, LedgerEntry<DbmateRow>>();
  for (const m of migrations) {
    const row = byVersion.get(versionOf(m));
    entries.set(m.key, { recorded: row !== undefined, rows: row ? [row] : [], notes: [], drift: false });
  }
  const known = new Set(migrations.map(versionOf));
  return { entries, unknown: reading.rows.filter((r) => !known.has(r.id)), outside: [], notes: [] };
}

const tableOf = (reading: LedgerReading<DbmateRow>): QualifiedName => reading.table ?? { schema: 'public', name: DBMATE_TABLE };
const recordedSql = (t: QualifiedName, v: string): string => `EXISTS (SELECT 1 FROM ${qualified(t)} WHERE "version" = ${literal(v)})`;

/** `CreateMigrationsTable`, with the schema named. */
export const dbmateLedgerDdl = (t: QualifiedName): string => `CREATE TABLE IF NOT EXISTS ${qualified(t)} (version varchar(255) primary key)`;

export const dbmateLedger: LedgerAdapter<DbmateRow> = {
  kind: 'dbmate',
  read,
  match,
  fix(req: FixRequest<DbmateRow>) {
    const t = tableOf(req.reading);
    const locks = req.reading.exists ? [t] : [];
    const out = [];
    if (!req.reading.exists && req.record.length > 0) out.push(ledgerStatement(t, { description: `create the dbmate ledger ${qualified(t)}`, sql: dbmateLedgerDdl(t) }));
    for (const m of req.record) {
      const v = versionOf(m);
      out.push(
        ledgerStatement(t, {
          description: `record ${m.key} as applied (version ${v})`,
          sql: `INSERT INTO ${qualified(t)} ("version") SELECT ${literal(v)} WHERE NOT ${recordedSql(t, v)}`,
          lockLevel: ROW_WRITE_LOCK,
          locks,
        }),
      );
    }
    for (const r of req.prune) out.push(pruneStatement(t, r.display, { version: r.id }));
    return out;
  },
  recordedCondition: (reading, m) => recordedSql(tableOf(reading), versionOf(m)),
  rowGoneCondition: (reading, row) => `NOT ${recordedSql(tableOf(reading), row.id)}`,
};
