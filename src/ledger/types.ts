/**
 * Migration ledgers: the table a migration tool keeps of what it believes ran
 * (`django_migrations`, `drizzle.__drizzle_migrations`, `_prisma_migrations`, ...). One adapter per
 * tool, behind `LedgerAdapter`; adding a tool is one file plus its tests.
 */
import type { Queryable } from '../db/pool.js';
import type { DeclaredSource, Migration } from '../declared/types.js';
import type { QualifiedName } from '../model/types.js';
import type { Statement } from '../plan/types.js';

export const LEDGER_KINDS = ['django', 'drizzle', 'prisma', 'flyway', 'golang-migrate', 'dbmate', 'goose', 'none'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
/** What the user may ask for: a kind, or `auto` (the source's own tool's ledger; never guessed from the tables present). */
export type LedgerChoice = LedgerKind | 'auto';

/** One recorded row, as the adapter read it. `id` is the row's key in the table. */
export interface LedgerRow {
  readonly id: string;
  /** How to show the row to people, e.g. `chat.0004_callsession` or `hash 5829f27c… created_at 1795621157369`. */
  readonly display: string;
  /** The row's columns, for JSON output. */
  readonly values: Readonly<Record<string, string | null>>;
}

export interface LedgerReading<Row extends LedgerRow = LedgerRow> {
  readonly kind: LedgerKind;
  /** The ledger table (where it is, or where the fix creates it); null for `none`. */
  readonly table: QualifiedName | null;
  readonly exists: boolean;
  readonly rows: readonly Row[];
  /** Which of the tool's table layouts the database has, when it has had several (shown by `status`), e.g. drizzle-orm 1.0's. */
  readonly shape?: string;
}

/** How one migration of the source stands in the ledger. */
export interface LedgerEntry<Row extends LedgerRow = LedgerRow> {
  readonly recorded: boolean;
  /** The rows that record it (several for a squashed Django migration recorded as the ones it replaces). */
  readonly rows: readonly Row[];
  /** What the user should know about this migration's ledger state, e.g. an edited drizzle migration. */
  readonly notes: readonly string[];
  /** The ledger disagrees with the source about this migration even though it is recorded (edited file). */
  readonly drift: boolean;
}

export interface LedgerMatch<Row extends LedgerRow = LedgerRow> {
  /** By migration key; every migration of the source has an entry. */
  readonly entries: ReadonlyMap<string, LedgerEntry<Row>>;
  /** Rows the source's scope should explain but does not (a deleted or renamed migration): prunable. */
  readonly unknown: readonly Row[];
  /** Rows outside the source's scope (Django apps the tree does not hold): never touched. */
  readonly outside: readonly Row[];
  /** Ledger-wide remarks (e.g. the Django apps ignored). */
  readonly notes: readonly string[];
}

export interface FixRequest<Row extends LedgerRow = LedgerRow> {
  readonly source: DeclaredSource;
  readonly reading: LedgerReading<Row>;
  readonly match: LedgerMatch<Row>;
  /** Migrations to record, in source order. */
  readonly record: readonly Migration[];
  /** Rows to delete (only with `--ledger-prune`). */
  readonly prune: readonly Row[];
}

export interface LedgerAdapter<Row extends LedgerRow = LedgerRow> {
  readonly kind: LedgerKind;
  /** Read the recorded rows (the table may not exist: `exists: false`, no rows). Sessions run with `search_path = pg_catalog`. */
  read(db: Queryable): Promise<LedgerReading<Row>>;
  /** Pair recorded rows with the source's migrations (the expected rows). */
  match(reading: LedgerReading<Row>, migrations: readonly Migration[], source: DeclaredSource): LedgerMatch<Row>;
  /** Idempotent statements (phase `ledger`): create the table if missing, record `record`, delete `prune`. */
  fix(request: FixRequest<Row>): Statement[];
  /**
   * For ledgers that record a prefix only (golang-migrate's one version row): the migrations of
   * `record` the ledger can express, and why the others are left out. Absent: all of them.
   */
  limitRecord?(match: LedgerMatch<Row>, record: readonly Migration[], migrations: readonly Migration[]): { record: Migration[]; notes: string[] };
  /** SQL boolean: the migration is recorded (for the plan's final check). */
  recordedCondition(reading: LedgerReading<Row>, migration: Migration, source: DeclaredSource): string;
  /** SQL boolean: the row is gone (after a prune). */
  rowGoneCondition(reading: LedgerReading<Row>, row: Row): string;
}
