/**
 * The typed model of a PostgreSQL database, shared by every stage of the pipeline.
 *
 * Both sides of a comparison (live database, declared source replayed in a shadow)
 * are read by the same introspector into these types, so they are normalized by
 * PostgreSQL itself: types through `format_type`, expressions through `pg_get_expr`,
 * check constraints through `pg_get_constraintdef`. No OIDs appear in the model,
 * so two databases built from the same DDL produce equal models.
 *
 * Everything is sorted deterministically (schema, then name) by the introspector.
 * Text that PostgreSQL renders while `search_path` is `pg_catalog` is fully
 * qualified: `public.mood`, `nextval('public.t_id_seq'::regclass)`.
 */

import type { CatalogObject, NotCompared } from '../objects/model.js';

export type { CatalogObject, NotCompared } from '../objects/model.js';

export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

export type ReferentialAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';
export type MatchType = 'simple' | 'full' | 'partial';

export interface Deferrability {
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

export interface Column {
  readonly name: string;
  /** `format_type(atttypid, atttypmod)`, e.g. `character varying(20)`, `public.mood[]`. */
  readonly type: string;
  readonly notNull: boolean;
  /** `pg_get_expr(adbin)`; null when there is none or the column is generated. */
  readonly default: string | null;
  readonly identity: 'always' | 'by-default' | null;
  /** The options of an identity column's sequence (`pg_sequence`); null when the column is not an identity. */
  readonly identitySequence: SequenceOptions | null;
  /** Generated column expression and kind (`virtual` exists from PostgreSQL 18). */
  readonly generated: { readonly expression: string; readonly kind: 'stored' | 'virtual' } | null;
  /** Collation when it is not the type's default, e.g. `"C"` or `public.nocase`. */
  readonly collation: string | null;
}

/** What a primary key or unique constraint's index holds beyond its key columns (absent: nothing). */
export interface KeyIndexOptions {
  /** Columns of `INCLUDE (...)`, stored in the index but not part of the key; absent when none. */
  readonly include?: readonly string[];
  /** The index's storage parameters (`WITH (fillfactor=70)`), sorted `name=value`; absent when none. */
  readonly storage?: readonly string[];
}

export interface PrimaryKey extends Deferrability, KeyIndexOptions {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface ForeignKey extends Deferrability {
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: QualifiedName;
  readonly referencedColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  /** Columns listed in `ON DELETE SET NULL (a, b)` (PostgreSQL 15+); empty when all. */
  readonly onDeleteSetColumns: readonly string[];
  readonly match: MatchType;
  /** False for a constraint added `NOT VALID` and not validated since. */
  readonly validated: boolean;
}

export interface Unique extends Deferrability, KeyIndexOptions {
  readonly name: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
}

export interface Check {
  readonly name: string;
  /** `pg_get_constraintdef`, e.g. `CHECK ((amount > 0))`, without `NOT VALID`. */
  readonly expression: string;
  readonly validated: boolean;
  readonly noInherit: boolean;
}

/** An exclusion constraint: kept by definition only (not compared structurally yet). */
export interface Exclusion extends Deferrability {
  readonly name: string;
  readonly definition: string;
}

export interface IndexKey {
  /** The column, or null for an expression key. */
  readonly column: string | null;
  /** The expression of an expression key, as PostgreSQL prints it. */
  readonly expression: string | null;
  /** Operator class when it is not the default for the type, e.g. `varchar_pattern_ops`. */
  readonly opclass: string | null;
  /** Collation when it differs from the column's, e.g. `"C"`. */
  readonly collation: string | null;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

export interface Index {
  readonly name: string;
  readonly method: string;
  readonly unique: boolean;
  readonly nullsNotDistinct: boolean;
  readonly keys: readonly IndexKey[];
  readonly include: readonly string[];
  /** `WHERE` predicate as PostgreSQL prints it, or null. */
  readonly predicate: string | null;
  /**
   * Storage parameters (`WITH (fillfactor = 70)`): the index's `pg_class.reloptions`
   * as PostgreSQL stores them, `name=value`, sorted; empty when none are set.
   */
  readonly storage: readonly string[];
  /** False for the leftover of a failed `CREATE INDEX CONCURRENTLY`. */
  readonly valid: boolean;
  /** Name of the constraint (primary key, unique, exclusion) this index implements. */
  readonly constraint: string | null;
  /** The whole `CREATE INDEX` statement. */
  readonly definition: string;
}

export interface Table extends QualifiedName {
  readonly kind: 'table' | 'partitioned';
  /** `pg_get_partkeydef` for a partitioned table. */
  readonly partitionKey: string | null;
  /** The parent and bound when this table is a partition. */
  readonly partitionOf: { readonly parent: QualifiedName; readonly bound: string } | null;
  readonly columns: readonly Column[];
  readonly primaryKey: PrimaryKey | null;
  readonly foreignKeys: readonly ForeignKey[];
  readonly uniques: readonly Unique[];
  readonly checks: readonly Check[];
  readonly exclusions: readonly Exclusion[];
  /** Every index on the table, including those that implement constraints. */
  readonly indexes: readonly Index[];
}

export interface EnumType extends QualifiedName {
  readonly labels: readonly string[];
}

/** What `pg_sequence` holds for a sequence (standalone or identity); numbers as text (int8). */
export interface SequenceOptions {
  /** `format_type(seqtypid)`: `smallint`, `integer` or `bigint`. */
  readonly type: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
}

export interface Sequence extends QualifiedName, SequenceOptions {
  /** The column that owns it (`serial`, `OWNED BY`). Identity sequences are not listed. */
  readonly ownedBy: { readonly table: QualifiedName; readonly column: string } | null;
}

export interface Extension {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
}

/**
 * A view as the table-level introspection lists it (for summaries). Views are
 * compared and repaired through `Schema.objects` (kind `view`, src/objects/view/),
 * which also holds their options, columns and dependencies.
 */
export interface View extends QualifiedName {
  readonly materialized: boolean;
  readonly definition: string;
}

/** A whole database, restricted to the schemas that were asked for. */
export interface Schema {
  /** The PostgreSQL schemas (namespaces) read, sorted. */
  readonly schemas: readonly string[];
  readonly tables: readonly Table[];
  readonly enums: readonly EnumType[];
  readonly sequences: readonly Sequence[];
  readonly extensions: readonly Extension[];
  readonly views: readonly View[];
  /**
   * Objects of the registry kinds (src/objects/: functions, views compared by
   * definition, triggers, policies, row-level security), sorted by kind then identity.
   */
  readonly objects: readonly CatalogObject[];
  /** What the catalog holds that the model does not compare yet, counted by kind. */
  readonly notCompared: readonly NotCompared[];
}

/** The part of `Schema` the table-level introspection builds. */
export type CoreSchema = Omit<Schema, 'objects' | 'notCompared'>;

/** An unambiguous map key for a qualified name (names may contain dots and quotes). */
export function qualifiedKey(q: QualifiedName): string {
  return JSON.stringify([q.schema, q.name]);
}
