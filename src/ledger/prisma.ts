/**
 * Prisma Migrate: `_prisma_migrations`, read and written as Prisma's schema
 * engine does (prisma/prisma-engines, cited in ledger/README.md):
 *
 * - one row per attempt: `id` (a uuid v4 as text), `checksum` (sha256 hex of
 *   migration.sql), `migration_name` (the folder), `started_at`, `finished_at`
 *   (set once the script succeeded), `rolled_back_at` (`prisma migrate resolve
 *   --rolled-back`), `logs` (the error of a failed attempt), `applied_steps_count`;
 * - applied: a row with `finished_at` set and `rolled_back_at` null (what
 *   `diagnose_migration_history` counts; `migrate deploy` skips a migration with
 *   any row not rolled back);
 * - failed: `finished_at` and `rolled_back_at` both null. `migrate deploy`
 *   refuses to run anything while such a row exists (P3009);
 * - edited: the file's checksum differs from the applied row's, compared as the
 *   engine does (also with the file's line endings switched, and the old
 *   checksums that dropped leading zeros of each byte).
 *
 * The fix writes the row a successful `migrate deploy` leaves (`logs` NULL,
 * `applied_steps_count` 1, `started_at` = `finished_at` = now()). A failed attempt
 * of a migration it records is first marked rolled back, as `prisma migrate
 * resolve --applied` does. The table is found by name, `public` first; when
 * absent it is created (only with `--ledger prisma`) in `public` with the engine's DDL.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/pool.js';
import type { DeclaredSource, Migration } from '../declared/types.js';
import type { QualifiedName } from '../model/types.js';
import { ident, literal, qualified } from '../render/quote.js';
import { ROW_WRITE_LOCK, ledgerStatement, pruneStatement, requireLedgerColumns } from './sql.js';
import type { FixRequest, LedgerAdapter, LedgerEntry, LedgerMatch, LedgerReading, LedgerRow } from './types.js';

export type PrismaRowState = 'applied' | 'failed' | 'rolled back';

export interface PrismaRow extends LedgerRow {
  readonly migrationName: string;
  readonly checksum: string;
  readonly state: PrismaRowState;
  readonly startedAt: string;
  readonly logs: string | null;
}

export const PRISMA_TABLE = '_prisma_migrations';

const COLUMNS = ['id', 'checksum', 'finished_at', 'migration_name', 'logs', 'rolled_back_at', 'started_at', 'applied_steps_count'] as const;

const LOCATE_SQL = `SELECT n.nspname AS schema FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relname = $1 AND c.relkind IN ('r', 'p') ORDER BY (n.nspname = 'public') DESC, n.nspname`;

type RawRow = Record<(typeof COLUMNS)[number], string | null>;

function stateOf(r: RawRow): PrismaRowState {
  if (r.rolled_back_at !== null) return 'rolled back';
  return r.finished_at === null ? 'failed' : 'applied';
}

async function read(db: Queryable): Promise<LedgerReading<PrismaRow>> {
  const found = await db.query<{ schema: string }>(LOCATE_SQL, [PRISMA_TABLE]);
  const schema = found.rows[0]?.schema;
  if (schema === undefined) return { kind: 'prisma', table: { schema: 'public', name: PRISMA_TABLE }, exists: false, rows: [] };
  const table: QualifiedName = { schema, name: PRISMA_TABLE };
  await requireLedgerColumns(db, table, 'Prisma', COLUMNS);
  const res = await db.query<RawRow>(
    `SELECT ${COLUMNS.map((c) => `${ident(c)}::text AS ${ident(c)}`).join(', ')} FROM ${qualified(table)} ORDER BY "started_at", "id"`,
  );
  const rows = res.rows.map((r): PrismaRow => {
    const state = stateOf(r);
    const name = r.migration_name ?? '';
    return {
      id: r.id ?? '',
      migrationName: name,
      checksum: r.checksum ?? '',
      state,
      startedAt: r.started_at ?? '',
      logs: r.logs,
      display: `${name} (${state}, started_at ${r.started_at ?? 'NULL'})`,
      values: r,
    };
  });
  return { kind: 'prisma', table, exists: true, rows };
}

const hex = (s: string): Buffer => createHash('sha256').update(s).digest();
/** The engine's early checksums wrote each byte without its leading zero (prisma-engines issue 1887). */
const unpadded = (b: Buffer): string => [...b].map((x) => x.toString(16)).join('');

/** Does the recorded checksum belong to this file, as the engine's `script_matches_checksum` decides? */
export function checksumMatches(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, '\n'), script.replace(/\n/g, '\r\n')];
  return variants.some((v) => {
    const digest = hex(v);
    return checksum !== '' && checksum.length !== 64 ? unpadded(digest) === checksum : digest.toString('hex') === checksum;
  });
}

const short = (checksum: string): string => `${checksum.slice(0, 12)}…`;
/** The database's error line of the engine's logs (`ERROR: ...`), else their first line. */
const firstLine = (s: string): string => {
  const lines = s.trim().split('\n').map((l) => l.trim());
  const line = lines.find((l) => l.startsWith('ERROR:')) ?? lines[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

function entryFor(m: Migration, rows: readonly PrismaRow[]): LedgerEntry<PrismaRow> {
  const applied = rows.filter((r) => r.state === 'applied');
  const failed = rows.filter((r) => r.state === 'failed');
  const rolledBack = rows.filter((r) => r.state === 'rolled back');
  const notes: string[] = [];
  for (const f of failed) {
    const logs = f.logs && f.logs.trim() !== '' ? ` (${firstLine(f.logs)})` : '';
    notes.push(`failed: started at ${f.startedAt}, never finished${logs}; Prisma refuses to deploy until it is resolved (prisma migrate resolve)`);
  }
  if (applied.length === 0 && rolledBack.length > 0) {
    notes.push(`rolled back (prisma migrate resolve --rolled-back), so not applied: prisma migrate deploy runs it again`);
  }
  const edited = applied.find((r) => !checksumMatches(m.sql, r.checksum));
  if (edited) notes.push(`edited since it was applied: the ledger has checksum ${short(edited.checksum)}, the file ${short(m.hash)}`);
  if (applied.length > 1) notes.push(`recorded ${applied.length} times`);
  return {
    recorded: applied.length > 0,
    rows,
    notes,
    // An applied migration whose file changed, or that also has an unresolved failed attempt (deploy refuses).
    drift: edited !== undefined || (applied.length > 0 && failed.length > 0),
  };
}

function match(reading: LedgerReading<PrismaRow>, migrations: readonly Migration[], _source: DeclaredSource): LedgerMatch<PrismaRow> {
  const byName = new Map<string, PrismaRow[]>();
  for (const r of reading.rows) byName.set(r.migrationName, [...(byName.get(r.migrationName) ?? []), r]);
  const names = new Set(migrations.map((m) => m.name));
  const entries = new Map<string, LedgerEntry<PrismaRow>>();
  for (const m of migrations) entries.set(m.key, entryFor(m, byName.get(m.name) ?? []));
  const unknown = reading.rows.filter((r) => !names.has(r.migrationName));
  const failedUnknown = unknown.filter((r) => r.state === 'failed').length;
  const notes =
    failedUnknown > 0
      ? [`${failedUnknown} failed row${failedUnknown === 1 ? '' : 's'} of migrations the folder does not hold: Prisma refuses to deploy until resolved`]
      : [];
  return { entries, unknown, outside: [], notes };
}

function tableOf(reading: LedgerReading<PrismaRow>): QualifiedName {
  return reading.table ?? { schema: 'public', name: PRISMA_TABLE };
}

const appliedRow = (t: QualifiedName, m: Migration): string =>
  `EXISTS (SELECT 1 FROM ${qualified(t)} WHERE "migration_name" = ${literal(m.name)} AND "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL)`;

/** The engine's `create_migrations_table` (postgres flavour), with the schema named: sessions run with `search_path = pg_catalog`. */
export function prismaLedgerDdl(t: QualifiedName): string {
  return [
    `CREATE TABLE IF NOT EXISTS ${qualified(t)} (`,
    '    id                      VARCHAR(36) PRIMARY KEY NOT NULL,',
    '    checksum                VARCHAR(64) NOT NULL,',
    '    finished_at             TIMESTAMPTZ,',
    '    migration_name          VARCHAR(255) NOT NULL,',
    '    logs                    TEXT,',
    '    rolled_back_at          TIMESTAMPTZ,',
    '    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),',
    '    applied_steps_count     INTEGER NOT NULL DEFAULT 0',
    ')',
  ].join('\n');
}

export const prismaLedger: LedgerAdapter<PrismaRow> = {
  kind: 'prisma',
  read,
  match,
  fix(req: FixRequest<PrismaRow>) {
    const t = tableOf(req.reading);
    const locks = req.reading.exists ? [t] : [];
    const out = [];
    if (!req.reading.exists && req.record.length > 0) {
      out.push(ledgerStatement(t, { description: `create the Prisma ledger ${qualified(t)}`, sql: prismaLedgerDdl(t) }));
    }
    for (const m of req.record) {
      const failed = (req.match.entries.get(m.key)?.rows ?? []).filter((r) => r.state === 'failed');
      for (const f of failed) {
        out.push(
          ledgerStatement(t, {
            description: `mark the failed attempt of ${m.key} (started at ${f.startedAt}) rolled back, as prisma migrate resolve --applied does`,
            sql: `UPDATE ${qualified(t)} SET "rolled_back_at" = pg_catalog.now() WHERE "id" = ${literal(f.id)} AND "finished_at" IS NULL AND "rolled_back_at" IS NULL`,
            lockLevel: ROW_WRITE_LOCK,
            locks,
          }),
        );
      }
      out.push(
        ledgerStatement(t, {
          description: `record ${m.key} as applied (checksum ${short(m.hash)})`,
          sql:
            `INSERT INTO ${qualified(t)} ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") ` +
            `SELECT pg_catalog.gen_random_uuid()::text, ${literal(m.hash)}, pg_catalog.now(), ${literal(m.name)}, NULL, NULL, pg_catalog.now(), 1 ` +
            `WHERE NOT ${appliedRow(t, m)}`,
          lockLevel: ROW_WRITE_LOCK,
          locks,
        }),
      );
    }
    for (const r of req.prune) out.push(pruneStatement(t, r.display, { id: r.id, migration_name: r.migrationName }));
    return out;
  },
  recordedCondition: (reading, m) => appliedRow(tableOf(reading), m),
  rowGoneCondition: (reading, row) => `NOT EXISTS (SELECT 1 FROM ${qualified(tableOf(reading))} WHERE "id" = ${literal(row.id)})`,
};
