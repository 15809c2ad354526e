/**
 * A plan is data: ordered statements, each carrying its phase, the lock it
 * takes, its hazards, whether it may run in a transaction, the guard that makes
 * it idempotent, and the change it repairs.
 */
import type { Change } from '../diff/changes.js';
import type { CatalogObject, QualifiedName } from '../model/types.js';
import type { TypeFacts } from './type-facts.js';
import type { UsingExpression } from './using.js';

export const PHASES = [
  'schemas',
  'extensions',
  'types',
  // Functions whose bodies are not checked at creation: before the tables whose defaults may call them.
  'functions',
  'sequences',
  'tables',
  'columns',
  // Data statements of migrations whose schema effects were missing: after the columns they fill exist, before NOT NULL and type fixes.
  'data',
  'fixes',
  'keys',
  'constraints',
  'validate',
  // Inheritance links once the child has the parent's columns and validated checks.
  'inheritance',
  'indexes',
  // Replica identity once the index it may name exists.
  'replica-identity',
  // Functions checked at creation or using a table's row type; then what uses functions and tables.
  'late-functions',
  'views',
  // Indexes of materialized views, built concurrently once their views exist.
  'view-indexes',
  'triggers',
  // Policies before the flag that enforces them, so no window denies every row.
  'policies',
  'row-security',
  // Publications and their tables once the tables exist.
  'publications',
  // Comments once every object they describe exists.
  'comments',
  // Privileges once every object they are on exists.
  'grants',
  // What migrations of the source dropped and the live database still has, after everything that replaces it is built.
  'drops',
  // Event triggers last: created earlier, they would run on the repair's own DDL.
  'event-triggers',
  'ledger',
] as const;
export type Phase = (typeof PHASES)[number];

/** The strongest table lock a statement takes on an existing table. */
export type LockLevel =
  | 'none'
  | 'ACCESS SHARE'
  | 'ROW SHARE'
  | 'ROW EXCLUSIVE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'SHARE'
  | 'SHARE ROW EXCLUSIVE'
  | 'ACCESS EXCLUSIVE';

/**
 * rewrite: a table rewrite or a value conversion; replace-index: an index dropped and rebuilt;
 * rename: an existing object renamed aside to free a declared name; drop: an object the
 * declared model lacks is dropped (a declared change cannot be made while it stays, or a
 * migration of the source dropped it and the live database still has it);
 * replace: a function or view dropped and created again (CREATE OR REPLACE cannot make it);
 * refresh: a materialized view populated (runs its whole query);
 * data: a data statement (UPDATE, INSERT ...) of a migration whose schema effects were missing.
 */
export const HAZARD_KINDS = ['rewrite', 'replace-index', 'rename', 'drop', 'replace', 'refresh', 'data'] as const;
export type HazardKind = (typeof HAZARD_KINDS)[number];

export interface Hazard {
  readonly kind: HazardKind;
  readonly message: string;
}

export interface Statement {
  readonly phase: Phase;
  /** One line for people: what it does to which object. */
  readonly description: string;
  readonly sql: string;
  /**
   * SQL returning one row with a boolean column `needed`; the statement runs
   * only when it is true. Null when the statement is idempotent by itself
   * (`IF NOT EXISTS`, `VALIDATE`, ...).
   */
  readonly guard: string | null;
  readonly lockLevel: LockLevel;
  /** Existing tables it locks (the apply preflight looks for sessions on them). */
  readonly locks: readonly QualifiedName[];
  /** False for `CONCURRENTLY` builds and drops: they run outside any transaction. */
  readonly transactional: boolean;
  /** `long` for statements that scan or build (VALIDATE, concurrent index builds). */
  readonly duration: 'brief' | 'long';
  readonly hazards: readonly Hazard[];
  /**
   * Run after the statement failed, to leave no debris before a retry: a failed
   * `CREATE INDEX CONCURRENTLY` leaves an invalid index behind. Guarded SQL.
   */
  readonly cleanup: { readonly guard: string; readonly sql: string } | null;
  readonly source: Change;
  /** Every change this statement repairs when it is more than its source (a group of type changes on one table). In memory only. */
  readonly covers?: readonly Change[];
}

/** Something the user must know or do that is not a statement. */
export interface Note {
  readonly level: 'info' | 'warning';
  readonly message: string;
  readonly source: Change | null;
}

export interface Plan {
  /** Statements to run, in order. */
  readonly statements: readonly Statement[];
  /** Statements not emitted because their hazards were not allowed (`--allow-hazards KIND`). */
  readonly withheld: readonly Statement[];
  readonly notes: readonly Note[];
  readonly changes: readonly Change[];
}

export interface PlanOptions {
  /** Hazard kinds the user allowed by name. */
  readonly allowHazards?: readonly HazardKind[];
  /** Rename constraints and indexes that match by structure to their declared names. */
  readonly rename?: boolean;
  /** Zone that `timestamp` values were written in, for `timestamptz` conversions. */
  readonly assumeTimezone?: string;
  /** Conversion expressions for column type changes (`--using 'schema.table.column=EXPR'`). */
  readonly using?: readonly UsingExpression[];
}

/** An extra object a migration of the source dropped (the live database still has it): dropped under the `drop` hazard. */
export interface AttributedDrop {
  /** The migration's key, and its position in the source (orders the steps). */
  readonly migration: string;
  readonly order: number;
  /** What the drop destroys, one clause each (`destroys the values of 3 rows`, the index's size, objects that depend on it). */
  readonly destroys: readonly string[];
}

/** The data statements of one migration whose schema effects were missing: never ran. */
export interface DataStep {
  readonly migration: string;
  readonly order: number;
  /** Exact SQL of each statement, in file order. */
  readonly statements: readonly string[];
  /** The change the statements belong with (one of the migration's effects the plan repairs). */
  readonly source: Change;
}

/** What the source's migrations say beyond the declared model (ledger/steps.ts computes it). */
export interface MigrationSteps {
  /** Keyed by the plan's own `extra-*` change objects. */
  readonly drops: ReadonlyMap<Change, AttributedDrop>;
  readonly data: readonly DataStep[];
}

export interface PlanContext {
  readonly serverVersion: number;
  /**
   * Constant defaults the source's migrations added NOT NULL columns with (`JSON([schema, table,
   * column])` -> expression), though the model may not keep them: a column missing on a table with
   * rows is added the way its migration added it.
   */
  readonly migrationDefaults?: ReadonlyMap<string, string>;
  /** Live tables (qualifiedKey) that hold at least one row. */
  readonly tablesWithRows: ReadonlySet<string>;
  /** Role names of the live server; absent: every role an object names is assumed to exist. */
  readonly liveRoles?: ReadonlySet<string>;
  readonly options: PlanOptions;
  /** Domains, rejected casts and dependent indexes of type changes (introspect/type-facts.ts); absent: conservative. */
  readonly typeFacts?: TypeFacts;
  /** Drops and data steps attributed to migrations of the source; absent: extras are only kept. */
  readonly steps?: MigrationSteps;
  /**
   * The registry objects of both sides: what a column type change drops and creates around it
   * (plan/type-dependents.ts). Absent: a change something depends on is only a warning.
   */
  readonly objects?: { readonly declared: readonly CatalogObject[]; readonly live: readonly CatalogObject[] };
}
