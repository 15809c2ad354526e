/**
 * What the planner knows about column type changes beyond the change itself,
 * read from the live database before planning (see introspect/type-facts.ts):
 * domains, conversions PostgreSQL rejects, and the indexes a change rebuilds.
 * Absent facts make the planner conservative (a rewrite, no index path).
 */
import type { Index, QualifiedName } from '../model/types.js';

/**
 * Something that depends on a column and makes PostgreSQL refuse `ALTER COLUMN ... TYPE`
 * while it exists: a view or rule, a policy, a trigger, a SQL-standard function body
 * (`key`, a registry object key), or what cannot be dropped around it: a generated column,
 * the partition key, a publication's row filter (`key` null).
 */
export interface ColumnDependent {
  readonly key: string | null;
  /** How the column is held, e.g. `used by view v` (`pg_describe_object`), `part of the partition key of public.t`. */
  readonly what: string;
  readonly cause: 'object' | 'generated' | 'partition-key' | 'other';
}

export interface DomainFact {
  /** `format_type` of the base type with the domain's typmod, e.g. `character varying(20)`. */
  readonly base: string;
  /** A CHECK or NOT NULL constraint: PostgreSQL then rewrites (and checks) on conversion. */
  readonly constrained: boolean;
}

export interface DependentIndex {
  readonly name: string;
  readonly unique: boolean;
  /** Backs a primary key, unique or exclusion constraint. */
  readonly constraint: boolean;
  /** An index of a partitioned table (no `CONCURRENTLY` for it). */
  readonly partitioned: boolean;
  /** The live index as the model holds it, to build it again; null when unknown. */
  readonly index: Index | null;
}

export interface TypeFacts {
  /** By type text, as `format_type` prints it. Types that are not domains are absent. */
  readonly domains: ReadonlyMap<string, DomainFact>;
  /** By columnKey: why `CAST(expression AS declared type)` is rejected (no cast, bad --using). */
  readonly castErrors: ReadonlyMap<string, string>;
  /** By columnKey: the indexes PostgreSQL rebuilds when the column's type or collation changes. */
  readonly indexes: ReadonlyMap<string, readonly DependentIndex[]>;
  /** By columnKey: what stops PostgreSQL from changing the column's type while it exists (absent: nothing). */
  readonly dependents?: ReadonlyMap<string, readonly ColumnDependent[]>;
  /**
   * By columnKey: the parent table a type-changed column is inherited from (a partition's column):
   * the parent's ALTER changes it, an ALTER of its own is refused.
   */
  readonly inheritedFrom?: ReadonlyMap<string, QualifiedName>;
  /** By qualifiedKey of the table: primary key columns (labels sample rows of a failed probe). */
  readonly keys: ReadonlyMap<string, readonly string[]>;
  /**
   * The `last_value` of sequences whose bounds a change narrows, by sequenceFactKey
   * (plan/build-sequences.ts). Absent: the bounds are not planned (withheld with a note).
   */
  readonly sequenceValues?: ReadonlyMap<string, string>;
}

export const columnKey = (t: QualifiedName, column: string): string => JSON.stringify([t.schema, t.name, column]);

export const NO_TYPE_FACTS: TypeFacts = { domains: new Map(), castErrors: new Map(), indexes: new Map(), keys: new Map() };
