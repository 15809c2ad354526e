/**
 * Flyway: `flyway_schema_history`, read and written as Flyway does (flyway/flyway, cited in
 * ledger/README.md):
 *
 * - one row per run, `installed_rank` = MAX + 1 (`JdbcTableSchemaHistory.doAddAppliedMigration`):
 *   `version` (null for repeatables), `description`, `type` (`SQL`; `SCHEMA` and `BASELINE` are
 *   markers), `script` (the path relative to the location), `checksum` (the CRC32 below),
 *   `installed_by` (current_user), `execution_time`, `success`;
 * - applied: a `success` row of the version; failed: `success = false` (a non-transactional
 *   migration that stopped half-way): Flyway refuses to migrate until `flyway repair` deletes
 *   it (`removeFailedMigrations`);
 * - below a `BASELINE` row's version: never run by Flyway, counted as recorded;
 * - a repeatable is current when its latest success row has the file's checksum; otherwise
 *   `flyway migrate` runs it again (outdated);
 * - edited: a versioned row whose checksum differs from the file's (`flyway validate` fails).
 *
 * The fix writes the row a successful `flyway migrate` writes; a failed row of a migration
 * it records is deleted first, as `flyway repair` does. When absent (and only with
 * `--ledger flyway`) the table is created with Flyway's PostgreSQL DDL.
 */
import path from 'node:path';
import type { Queryable } from '../db/pool.js';
import type { DeclaredSource, Migration } from '../declared/types.js';
import { parseFlywayName, sameFlywayVersion, compareParts, flywayParts } from '../declared/sources/sql-tools-names.js';
import type { QualifiedName } from '../model/types.js';
import { ident, literal, qualified } from '../render/quote.js';
import { ROW_WRITE_LOCK, ledgerStatement, locateLedgerTable, pruneStatement, requireLedgerColumns } from './sql.js';
import type { FixRequest, LedgerAdapter, LedgerEntry, LedgerMatch, LedgerReading, LedgerRow } from './types.js';

export const FLYWAY_TABLE = 'flyway_schema_history';
const COLUMNS = ['installed_rank', 'version', 'description', 'type', 'script', 'checksum', 'installed_by', 'installed_on', 'execution_time', 'success'] as const;
type RawRow = Record<(typeof COLUMNS)[number], string | null>;
/** Rows that mark, not record a migration. */
const MARKERS = new Set(['SCHEMA', 'BASELINE', 'INIT', 'DELETE']);

export interface FlywayRow extends LedgerRow {
  readonly rank: number;
  readonly version: string | null;
  readonly description: string;
  readonly type: string;
  readonly checksum: number | null;
  readonly success: boolean;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (IEEE, as java.util.zip.CRC32), unsigned. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Flyway's checksum of a script (`ChecksumCalculator.calculateChecksumForResource`): the file
 * read line by line (`BufferedReader.readLine`, which drops `\n`, `\r\n` and `\r`), a BOM
 * removed from the first line, every line's UTF-8 bytes fed to one CRC32, the value cast to a
 * Java int (signed). So line endings and empty lines do not count.
 */
export function flywayChecksum(text: string): number {
  const body = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/[\r\n]/g, '');
  return crc32(Buffer.from(body, 'utf8')) | 0;
}

async function read(db: Queryable): Promise<LedgerReading<FlywayRow>> {
  const table = await locateLedgerTable(db, FLYWAY_TABLE);
  if (!table) return { kind: 'flyway', table: { schema: 'public', name: FLYWAY_TABLE }, exists: false, rows: [] };
  await requireLedgerColumns(db, table, 'Flyway', COLUMNS);
  const res = await db.query<RawRow>(`SELECT ${COLUMNS.map((c) => `${ident(c)}::text AS ${ident(c)}`).join(', ')} FROM ${qualified(table)} ORDER BY "installed_rank"`);
  const rows = res.rows.map((r): FlywayRow => {
    const success = r.success === 'true';
    const what = r.version === null ? `repeatable "${r.description ?? ''}"` : `version ${r.version}`;
    return {
      id: r.installed_rank ?? '',
      rank: Number(r.installed_rank),
      version: r.version,
      description: r.description ?? '',
      type: r.type ?? '',
      checksum: r.checksum === null ? null : Number(r.checksum),
      success,
      display: `${what} (${r.type}, ${r.script}, installed_rank ${r.installed_rank}${success ? '' : ', failed'})`,
      values: r,
    };
  });
  return { kind: 'flyway', table, exists: true, rows };
}

interface FlywayMigration {
  readonly version: string | null;
  readonly description: string;
  readonly script: string;
  readonly checksum: number;
}

/** The row Flyway writes for this migration; `name` is the script path relative to the folder. */
export function flywayMigration(m: Migration): FlywayMigration {
  const parsed = parseFlywayName(path.posix.basename(m.name));
  const checksum = flywayChecksum(m.sql);
  if (parsed?.type === 'versioned') return { version: parsed.version, description: parsed.description, script: m.name, checksum };
  return { version: null, description: parsed?.description ?? m.key, script: m.name, checksum };
}

const rowsOf = (rows: readonly FlywayRow[], f: FlywayMigration): FlywayRow[] =>
  rows.filter((r) => !MARKERS.has(r.type) && (f.version === null ? r.version === null && r.description === f.description : r.version !== null && sameFlywayVersion(r.version, f.version)));

const baselineOf = (rows: readonly FlywayRow[], f: FlywayMigration): FlywayRow | undefined =>
  f.version === null
    ? undefined
    : rows.find((r) => (r.type === 'BASELINE' || r.type === 'INIT') && r.success && r.version !== null && /^[0-9.]+$/.test(r.version) && compareParts(flywayParts(f.version!), flywayParts(r.version)) <= 0);

function entryFor(f: FlywayMigration, all: readonly FlywayRow[]): LedgerEntry<FlywayRow> {
  const rows = rowsOf(all, f);
  const applied = rows.filter((r) => r.success);
  const failed = rows.filter((r) => !r.success);
  const notes: string[] = [];
  for (const r of failed) notes.push(`failed: flyway migrate stopped in it (success = false, installed_rank ${r.rank}); Flyway refuses to migrate until flyway repair removes the row`);
  if (f.version === null) {
    const latest = applied.at(-1);
    const current = latest !== undefined && latest.checksum === f.checksum;
    if (latest && !current) notes.push(`outdated: applied with checksum ${latest.checksum}, the file has ${f.checksum}: flyway migrate runs it again`);
    return { recorded: current, rows, notes, drift: false };
  }
  const baseline = applied.length === 0 ? baselineOf(all, f) : undefined;
  if (baseline) notes.push(`below the baseline (version ${baseline.version}): Flyway never runs it`);
  const edited = applied.find((r) => r.checksum !== f.checksum);
  if (edited) notes.push(`edited since it was applied: the ledger has checksum ${edited.checksum}, the file ${f.checksum}; flyway validate fails (flyway repair writes the file's checksum)`);
  if (applied.length > 1) notes.push(`recorded ${applied.length} times`);
  return {
    recorded: applied.length > 0 || baseline !== undefined,
    rows: baseline ? [baseline] : rows,
    notes,
    drift: edited !== undefined || (applied.length > 0 && failed.length > 0),
  };
}

function match(reading: LedgerReading<FlywayRow>, migrations: readonly Migration[], _source: DeclaredSource): LedgerMatch<FlywayRow> {
  const entries = new Map<string, LedgerEntry<FlywayRow>>();
  const claimed = new Set<string>();
  for (const m of migrations) {
    const f = flywayMigration(m);
    for (const r of rowsOf(reading.rows, f)) claimed.add(r.id);
    entries.set(m.key, entryFor(f, reading.rows));
  }
  const unknown = reading.rows.filter((r) => !MARKERS.has(r.type) && !claimed.has(r.id));
  const outside = reading.rows.filter((r) => MARKERS.has(r.type));
  const failedUnknown = unknown.filter((r) => !r.success).length;
  const notes = failedUnknown > 0 ? [`${failedUnknown} failed row${failedUnknown === 1 ? '' : 's'} of migrations the folder does not hold: Flyway refuses to migrate until flyway repair removes them`] : [];
  return { entries, unknown, outside, notes };
}

const tableOf = (reading: LedgerReading<FlywayRow>): QualifiedName => reading.table ?? { schema: 'public', name: FLYWAY_TABLE };

function recordedSql(t: QualifiedName, reading: LedgerReading<FlywayRow>, f: FlywayMigration): string {
  if (f.version === null) {
    return `EXISTS (SELECT 1 FROM ${qualified(t)} WHERE "version" IS NULL AND "description" = ${literal(f.description)} AND "success" AND "checksum" = ${f.checksum})`;
  }
  const baseline = baselineOf(reading.rows, f);
  if (baseline && rowsOf(reading.rows, f).every((r) => !r.success)) return `EXISTS (SELECT 1 FROM ${qualified(t)} WHERE "installed_rank" = ${baseline.rank} AND "success")`;
  const spellings = [...new Set([f.version, ...rowsOf(reading.rows, f).map((r) => r.version ?? '')])];
  return `EXISTS (SELECT 1 FROM ${qualified(t)} WHERE "version" IN (${spellings.map(literal).join(', ')}) AND "success" AND "type" NOT IN ('SCHEMA', 'BASELINE', 'INIT', 'DELETE'))`;
}

/** Flyway's PostgreSQL DDL (`PostgreSQLDatabase.getRawCreateScript`), its primary key written inline, idempotent. */
export function flywayLedgerDdl(t: QualifiedName): string[] {
  return [
    [
      `CREATE TABLE IF NOT EXISTS ${qualified(t)} (`,
      '    "installed_rank" INT NOT NULL,',
      '    "version" VARCHAR(50),',
      '    "description" VARCHAR(200) NOT NULL,',
      '    "type" VARCHAR(20) NOT NULL,',
      '    "script" VARCHAR(1000) NOT NULL,',
      '    "checksum" INTEGER,',
      '    "installed_by" VARCHAR(100) NOT NULL,',
      '    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),',
      '    "execution_time" INTEGER NOT NULL,',
      '    "success" BOOLEAN NOT NULL,',
      `    CONSTRAINT ${ident(`${t.name}_pk`)} PRIMARY KEY ("installed_rank")`,
      ')',
    ].join('\n'),
    `CREATE INDEX IF NOT EXISTS ${ident(`${t.name}_s_idx`)} ON ${qualified(t)} ("success")`,
  ];
}

export const flywayLedger: LedgerAdapter<FlywayRow> = {
  kind: 'flyway',
  read,
  match,
  fix(req: FixRequest<FlywayRow>) {
    const t = tableOf(req.reading);
    const locks = req.reading.exists ? [t] : [];
    const out = [];
    if (!req.reading.exists && req.record.length > 0) {
      for (const sql of flywayLedgerDdl(t)) out.push(ledgerStatement(t, { description: `create the Flyway ledger ${qualified(t)}`, sql }));
    }
    for (const m of req.record) {
      const f = flywayMigration(m);
      for (const r of (req.match.entries.get(m.key)?.rows ?? []).filter((x) => !x.success && !MARKERS.has(x.type))) {
        out.push(
          ledgerStatement(t, {
            description: `remove the failed row of ${m.key} (installed_rank ${r.rank}), as flyway repair does`,
            sql: `DELETE FROM ${qualified(t)} WHERE "installed_rank" = ${r.rank} AND NOT "success"`,
            lockLevel: ROW_WRITE_LOCK,
            locks,
          }),
        );
      }
      const version = f.version === null ? 'NULL' : literal(f.version);
      out.push(
        ledgerStatement(t, {
          description: `record ${m.key} as applied (${f.version === null ? 'repeatable' : `version ${f.version}`}, checksum ${f.checksum})`,
          sql:
            `INSERT INTO ${qualified(t)} ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "execution_time", "success") ` +
            `SELECT next.rank, ${version}, ${literal(f.description)}, 'SQL', ${literal(f.script)}, ${f.checksum}, CURRENT_USER, 0, true ` +
            `FROM (SELECT COALESCE(MAX("installed_rank"), 0) + 1 AS rank FROM ${qualified(t)}) AS next WHERE NOT ${recordedSql(t, req.reading, f)}`,
          lockLevel: ROW_WRITE_LOCK,
          locks,
        }),
      );
    }
    for (const r of req.prune) out.push(pruneStatement(t, r.display, { installed_rank: String(r.rank) }));
    return out;
  },
  recordedCondition: (reading, m) => recordedSql(tableOf(reading), reading, flywayMigration(m)),
  rowGoneCondition: (reading, row) => `NOT EXISTS (SELECT 1 FROM ${qualified(tableOf(reading))} WHERE "installed_rank" = ${row.rank})`,
};
