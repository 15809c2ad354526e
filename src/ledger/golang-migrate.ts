/**
 * golang-migrate: `schema_migrations(version bigint, dirty boolean)`, one row holding the
 * latest version (golang-migrate/migrate `database/postgres/postgres.go`, cited in ledger/README.md):
 *
 * - `SetVersion` truncates the table and inserts `(version, dirty)` in one transaction;
 *   `migrate up` sets `(v, true)`, runs the file, then sets `(v, false)`;
 * - every migration up to the version is applied; the version itself is half-applied while
 *   `dirty` (the run stopped): migrate refuses everything until `migrate force V`;
 * - `migrate force V` writes `(V, false)` without running anything (the seed's fake).
 *
 * The fix writes what `migrate force` writes, for the highest version up to which every
 * migration is recorded or being recorded (the ledger cannot say "all but one"). When absent
 * (and only with `--ledger golang-migrate`) the table is created with the driver's DDL.
 */
import type { Queryable } from '../db/pool.js';
import type { DeclaredSource, Migration } from '../declared/types.js';
import { versionOfKey } from '../declared/sources/sql-tools-names.js';
import type { QualifiedName } from '../model/types.js';
import { qualified } from '../render/quote.js';
import { ledgerStatement, locateLedgerTable, pruneStatement, requireLedgerColumns } from './sql.js';
import type { FixRequest, LedgerAdapter, LedgerEntry, LedgerMatch, LedgerReading, LedgerRow } from './types.js';

export const GOLANG_MIGRATE_TABLE = 'schema_migrations';

export interface GolangMigrateRow extends LedgerRow {
  readonly version: bigint;
  readonly dirty: boolean;
}

const versionOf = (m: Migration): bigint => BigInt(versionOfKey('golang-migrate-folder', m.key));

async function read(db: Queryable): Promise<LedgerReading<GolangMigrateRow>> {
  const table = await locateLedgerTable(db, GOLANG_MIGRATE_TABLE);
  if (!table) return { kind: 'golang-migrate', table: { schema: 'public', name: GOLANG_MIGRATE_TABLE }, exists: false, rows: [] };
  await requireLedgerColumns(db, table, 'golang-migrate', ['version', 'dirty']);
  const res = await db.query<{ version: string; dirty: string }>(`SELECT "version"::text AS version, "dirty"::text AS dirty FROM ${qualified(table)} ORDER BY "version"`);
  const rows = res.rows.map(
    (r): GolangMigrateRow => ({
      id: r.version,
      version: BigInt(r.version),
      dirty: r.dirty === 'true',
      display: `version ${r.version}${r.dirty === 'true' ? ' (dirty)' : ''}`,
      values: { version: r.version, dirty: r.dirty },
    }),
  );
  return { kind: 'golang-migrate', table, exists: true, rows };
}

/** What golang-migrate reads (`Version`: `SELECT ... LIMIT 1`); several rows never happen through it, the highest is taken. */
const current = (reading: LedgerReading<GolangMigrateRow>): GolangMigrateRow | undefined => reading.rows.at(-1);

function match(reading: LedgerReading<GolangMigrateRow>, migrations: readonly Migration[], _source: DeclaredSource): LedgerMatch<GolangMigrateRow> {
  const row = current(reading);
  const entries = new Map<string, LedgerEntry<GolangMigrateRow>>();
  for (const m of migrations) {
    const v = versionOf(m);
    if (!row || v > row.version) {
      entries.set(m.key, { recorded: false, rows: [], notes: [], drift: false });
      continue;
    }
    const dirty = row.dirty && v === row.version;
    entries.set(m.key, {
      recorded: !dirty,
      rows: [row],
      notes: dirty ? [`dirty: golang-migrate stopped while running it (half-applied); migrate refuses to run until migrate force ${row.version}`] : [],
      drift: false,
    });
  }
  const known = new Set(migrations.map((m) => versionOf(m)));
  const unknown = reading.rows.filter((r) => !known.has(r.version));
  const notes: string[] = [];
  if (reading.rows.length > 1) notes.push(`${reading.rows.length} rows, where golang-migrate keeps one: the highest version is read`);
  if (row && !known.has(row.version)) notes.push(`the version ${row.version} names no migration of the folder: migrate fails ("no migration found for version ${row.version}")`);
  return { entries, unknown, outside: [], notes };
}

const tableOf = (reading: LedgerReading<GolangMigrateRow>): QualifiedName => reading.table ?? { schema: 'public', name: GOLANG_MIGRATE_TABLE };

const recordedSql = (t: QualifiedName, v: bigint): string => `EXISTS (SELECT 1 FROM ${qualified(t)} WHERE "version" > ${v} OR ("version" = ${v} AND NOT "dirty"))`;

/** The driver's `ensureVersionTable`, with the schema named. */
export const golangMigrateLedgerDdl = (t: QualifiedName): string => `CREATE TABLE IF NOT EXISTS ${qualified(t)} (version bigint not null primary key, dirty boolean not null)`;

/** The migrations the one row can record: up to the first one that is neither recorded nor being recorded. */
function limitRecord(match: LedgerMatch<GolangMigrateRow>, record: readonly Migration[], migrations: readonly Migration[]): { record: Migration[]; notes: string[] } {
  const recording = new Set(record.map((m) => m.key));
  const gap = migrations.find((m) => !(match.entries.get(m.key)?.recorded || recording.has(m.key)));
  if (!gap) return { record: [...record], notes: [] };
  const cut = migrations.indexOf(gap);
  const kept = record.filter((m) => migrations.indexOf(m) < cut);
  const left = record.filter((m) => migrations.indexOf(m) > cut);
  const notes = left.length > 0 ? [`${left.map((m) => m.key).join(', ')} left unrecorded: golang-migrate records one version, and ${gap.key} before ${left.length === 1 ? 'it' : 'them'} is not applied`] : [];
  return { record: kept, notes };
}

export const golangMigrateLedger: LedgerAdapter<GolangMigrateRow> = {
  kind: 'golang-migrate',
  read,
  match,
  limitRecord,
  fix(req: FixRequest<GolangMigrateRow>) {
    const t = tableOf(req.reading);
    const out = [];
    // limitRecord keeps `record` a prefix of what is unrecorded: its last is the version to write.
    const to = req.record.at(-1) ?? null;
    const row = current(req.reading);
    const pruned = row !== undefined && req.prune.some((p) => p.id === row.id);
    const v = to ? versionOf(to) : null;
    const write = v !== null && (!row || pruned || v > row.version || (v === row.version && row.dirty));
    if (write && !req.reading.exists) out.push(ledgerStatement(t, { description: `create the golang-migrate ledger ${qualified(t)}`, sql: golangMigrateLedgerDdl(t) }));
    if (write && v !== null) {
      // SetVersion: the table holds one row. DELETE leaves what TRUNCATE leaves, with a lighter lock.
      out.push(
        ledgerStatement(t, {
          description: `record every migration up to ${to?.key} as applied: version ${v}, not dirty, as migrate force ${v} writes it`,
          sql: `DELETE FROM ${qualified(t)} WHERE NOT ("version" = ${v} AND NOT "dirty")`,
          lockLevel: 'ROW EXCLUSIVE',
          locks: req.reading.exists ? [t] : [],
        }),
        ledgerStatement(t, {
          description: `write the row (${v}, false)`,
          sql: `INSERT INTO ${qualified(t)} ("version", "dirty") SELECT ${v}, false WHERE NOT EXISTS (SELECT 1 FROM ${qualified(t)} WHERE "version" = ${v} AND NOT "dirty")`,
          lockLevel: 'ROW EXCLUSIVE',
          locks: req.reading.exists ? [t] : [],
        }),
      );
    } else if (pruned && row) {
      out.push(pruneStatement(t, row.display, { version: String(row.version) }));
    }
    return out;
  },
  recordedCondition: (reading, m) => recordedSql(tableOf(reading), versionOf(m)),
  rowGoneCondition: (reading, row) => `NOT EXISTS (SELECT 1 FROM ${qualified(tableOf(reading))} WHERE "version" = ${row.version} AND "dirty" = ${row.dirty})`,
};
