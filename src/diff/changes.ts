/**
 * What differs between the declared model and the live database, as data.
 * A discriminated union on `kind`; renderers and the planner switch on it with
 * an exhaustive check (`assertNever`).
 */
import type {
  Check,
  Column,
  EnumType,
  Exclusion,
  Extension,
  ForeignKey,
  Index,
  PrimaryKey,
  QualifiedName,
  Sequence,
  SequenceOptions,
  Table,
  Unique,
} from '../model/types.js';
import { objectTable, type CatalogObject } from '../objects/index.js';

/** The options of a sequence (standalone or identity) that can differ, in `ALTER SEQUENCE` order. */
/** `owned-by` only for standalone sequences (an identity's sequence belongs to its column). */
export type SequenceAspect = 'type' | 'increment' | 'min' | 'max' | 'start' | 'cache' | 'cycle' | 'owned-by';

export type ObjectKind = 'primary key' | 'foreign key' | 'unique constraint' | 'check constraint' | 'exclusion constraint' | 'index';

/**
 * A live key that stands where a declared one must go: the live primary key
 * when the declared one differs, or a live key holding the declared name.
 */
export interface ReplacedKey {
  readonly objectKind: 'primary key' | 'unique constraint';
  readonly name: string;
  readonly columns: readonly string[];
  /** Live foreign keys that reference it: it cannot be dropped while they exist. */
  readonly referencedBy: readonly string[];
}

/** What a missing key or index is given, besides its definition, from what the live database holds. */
export interface KeyPlacement {
  /** A replaced live key (dropped and replaced in one statement), or null. */
  readonly replaces: ReplacedKey | null;
  /** A live unique index, built as the key needs it and owned by no constraint: attached with USING INDEX. */
  readonly usingIndex: string | null;
  /** Another live relation (index, table, sequence, view) holds the declared name, described for people. */
  readonly nameTakenBy: NameHolder | null;
  /**
   * The live table is partitioned (leaf partitions only): each partition's key is built on its own
   * (a free matching unique index, else one built concurrently), attached with USING INDEX, and the
   * parent's key then takes them over without a build. Null otherwise.
   */
  readonly partitions?: readonly PartitionKey[] | null;
}

export interface PartitionKey {
  readonly table: QualifiedName;
  /** The partition's key constraint and index name: a free matching index's own, else one of our choosing. */
  readonly name: string;
  /** A free unique index of the partition that already matches: attached, not built. */
  readonly existing: boolean;
}

export interface NameHolder {
  readonly relkind: 'index' | 'constraint index' | 'table' | 'sequence' | 'view';
  readonly name: string;
  /** The table an index belongs to (for indexes). */
  readonly table: QualifiedName | null;
  /** The constraint the index implements (for constraint indexes). */
  readonly constraint: string | null;
}

/**
 * A missing index on a partitioned table: built ON ONLY the parent, then one per
 * partition (concurrently), attached to it. Indexes attached to a parent's are
 * not in the model (the parent's stands for them), so their names are ours to choose.
 * A partitioned partition's index is built ON ONLY it in turn, its partitions' attached
 * to it, and then it is attached to the parent's (bottom-up, at every level).
 */
export interface PartitionIndexes {
  readonly role: 'parent';
  readonly children: readonly PartitionIndex[];
}

/** One partition's part of an index missing on a partitioned table. */
export interface PartitionIndex {
  readonly table: QualifiedName;
  /** The partition's index: a free matching valid index's own name, else one of our choosing (`<partition>_<index>`). */
  readonly index: Index;
  /** That free matching index already exists on the partition: attached, not built. */
  readonly existing: boolean;
  /** A partitioned partition's own partitions (not for a leaf, nor for an existing index, which already covers them). */
  readonly children: readonly PartitionIndex[] | null;
}

export type Change =
  // Missing: the declared model has it, the live database does not.
  | { readonly kind: 'missing-schema'; readonly schema: string }
  | { readonly kind: 'missing-extension'; readonly extension: Extension }
  | { readonly kind: 'missing-enum'; readonly enum: EnumType }
  | {
      readonly kind: 'missing-enum-value';
      readonly enum: QualifiedName;
      readonly value: string;
      /** The declared label it follows, or precedes when it comes first. */
      readonly after: string | null;
      readonly before: string | null;
      /** The one live label the model lacks that stands where this one goes (same neighbours): perhaps renamed. */
      readonly looksRenamedFrom?: string;
    }
  | { readonly kind: 'missing-sequence'; readonly sequence: Sequence }
  | {
      readonly kind: 'missing-table';
      readonly table: Table;
      /** The one live table of the schema the model lacks, with the same columns: perhaps this table renamed. */
      readonly looksRenamedFrom?: QualifiedName;
      /** Its own indexes (not constraints') whose names another live relation holds, by index name. */
      readonly namesTaken?: Readonly<Record<string, NameHolder>>;
    }
  | {
      readonly kind: 'missing-column';
      readonly table: QualifiedName;
      readonly column: Column;
      /** The table is a partition whose parent lacks the column too: adding it to the parent adds it here. */
      readonly viaParent: QualifiedName | null;
      /** The one live column of the table the model lacks, with the same definition: perhaps this column renamed. */
      readonly looksRenamedFrom?: string;
    }
  | { readonly kind: 'missing-primary-key'; readonly table: QualifiedName; readonly primaryKey: PrimaryKey; readonly placement: KeyPlacement }
  | {
      readonly kind: 'missing-foreign-key';
      readonly table: QualifiedName;
      readonly foreignKey: ForeignKey;
      /** The live table is partitioned: NOT VALID is refused there before PostgreSQL 18. */
      readonly onPartitioned?: true;
    }
  | { readonly kind: 'missing-unique'; readonly table: QualifiedName; readonly unique: Unique; readonly placement: KeyPlacement }
  | {
      readonly kind: 'missing-check';
      readonly table: QualifiedName;
      readonly check: Check;
      /** A live check with the declared name and another expression: replaced (new NOT VALID, validate, swap). */
      readonly replaces: Check | null;
    }
  | {
      readonly kind: 'missing-exclusion';
      readonly table: QualifiedName;
      readonly exclusion: Exclusion;
      /** A live exclusion constraint with the declared name and another definition (not replaced: reported). */
      readonly sameNameLive: Exclusion | null;
      /** Another live relation holds the name of the index the constraint builds. */
      readonly nameTakenBy: NameHolder | null;
    }
  | {
      readonly kind: 'missing-index';
      readonly table: QualifiedName;
      readonly index: Index;
      readonly nameTakenBy: NameHolder | null;
      /** On a partitioned table: the partitions' indexes to build and attach; null on other tables. */
      readonly partitions: PartitionIndexes | null;
    }
  // Different: both have it, not the same.
  | {
      readonly kind: 'column-type-differs';
      readonly table: QualifiedName;
      readonly column: string;
      readonly declared: Column;
      readonly live: Column;
    }
  | {
      readonly kind: 'nullability-differs';
      readonly table: QualifiedName;
      readonly column: string;
      readonly declaredNotNull: boolean;
      /** The live primary key the column belongs to (NOT NULL cannot be dropped while it stays). */
      readonly inLivePrimaryKey: string | null;
    }
  | {
      readonly kind: 'default-differs';
      readonly table: QualifiedName;
      readonly column: string;
      readonly declared: string | null;
      readonly live: string | null;
    }
  | {
      readonly kind: 'identity-differs';
      readonly table: QualifiedName;
      readonly column: string;
      readonly declared: Column;
      readonly live: Column;
    }
  | {
      /** Both columns are identities whose sequences differ in options (`SET INCREMENT BY ...`). */
      readonly kind: 'identity-options-differ';
      readonly table: QualifiedName;
      readonly column: string;
      readonly declared: SequenceOptions;
      readonly live: SequenceOptions;
      readonly aspects: readonly SequenceAspect[];
    }
  | {
      readonly kind: 'generated-differs';
      readonly table: QualifiedName;
      readonly column: string;
      readonly declared: Column;
      readonly live: Column;
    }
  | {
      readonly kind: 'foreign-key-differs';
      readonly table: QualifiedName;
      readonly declared: ForeignKey;
      readonly live: ForeignKey;
      /** Which attributes differ (`target`: same name, other columns or referenced table). */
      readonly aspects: readonly ('target' | 'actions' | 'match' | 'deferrability')[];
    }
  | {
      readonly kind: 'index-differs';
      readonly table: QualifiedName;
      /** The table is partitioned: its indexes cannot be dropped or built CONCURRENTLY. */
      readonly onPartitioned: boolean;
      readonly declared: Index;
      readonly live: Index;
      readonly aspects: readonly string[];
      /** The live index is the table's replica identity (`REPLICA IDENTITY USING INDEX`): the identity moves before it goes. */
      readonly liveReplicaIdentity?: boolean;
    }
  | {
      readonly kind: 'constraint-not-validated';
      readonly table: QualifiedName;
      readonly constraint: string;
      readonly objectKind: 'foreign key' | 'check constraint';
      /** The live constraint, to count violations before validating. */
      readonly foreignKey: ForeignKey | null;
      readonly checkExpression: string | null;
    }
  | { readonly kind: 'invalid-index'; readonly table: QualifiedName; readonly index: Index; readonly declared: Index }
  | {
      readonly kind: 'name-differs';
      readonly table: QualifiedName;
      readonly objectKind: ObjectKind;
      readonly declared: string;
      readonly live: string;
      /** The declared index, when an index is renamed (its structure guards a rename through a temporary name). */
      readonly index?: Index;
    }
  | { readonly kind: 'column-order-differs'; readonly table: QualifiedName; readonly declared: readonly string[]; readonly live: readonly string[] }
  | {
      readonly kind: 'sequence-differs';
      readonly sequence: QualifiedName;
      readonly declared: Sequence;
      readonly live: Sequence;
      readonly aspects: readonly SequenceAspect[];
    }
  | { readonly kind: 'enum-order-differs'; readonly enum: QualifiedName; readonly declared: readonly string[]; readonly live: readonly string[] }
  // Extra: the live database has it, the model does not. Reported, never dropped.
  | { readonly kind: 'extra-schema'; readonly schema: string }
  | { readonly kind: 'extra-table'; readonly table: QualifiedName }
  | { readonly kind: 'extra-column'; readonly table: QualifiedName; readonly column: string }
  | { readonly kind: 'extra-enum'; readonly enum: QualifiedName }
  | { readonly kind: 'extra-enum-value'; readonly enum: QualifiedName; readonly value: string }
  | { readonly kind: 'extra-sequence'; readonly sequence: QualifiedName }
  | { readonly kind: 'extra-constraint'; readonly table: QualifiedName; readonly objectKind: ObjectKind; readonly name: string }
  // Objects of the registry kinds (src/objects/: functions, views, triggers, policies, RLS flags).
  | { readonly kind: 'missing-object'; readonly object: CatalogObject }
  | {
      readonly kind: 'object-differs';
      readonly declared: CatalogObject;
      readonly live: CatalogObject;
      readonly aspects: readonly string[];
      /** Live registry objects that depend on it, directly or not (display names), for a drop-and-create. */
      readonly dependents: readonly string[];
      /**
       * When every such dependent is a view the model declares: each as it is live and as
       * declared, in creation order, so a drop-and-create can drop and create them too. Null otherwise.
       */
      readonly recreate: readonly { readonly live: CatalogObject; readonly declared: CatalogObject }[] | null;
      /** Declared grants and comments on it (or on those dependents) that live has: set again after a drop-and-create, guarded. */
      readonly carried?: readonly CatalogObject[];
    }
  | { readonly kind: 'extra-object'; readonly object: CatalogObject }
  // The migration ledger disagrees with the source and the schema (made by ledger/, not by compare()).
  | { readonly kind: 'ledger-differs'; readonly ledger: QualifiedName; readonly record: readonly string[]; readonly prune: readonly string[] };

export type ChangeKind = Change['kind'];

/**
 * Changes that only inform: nothing is planned for them by default. A sequence that
 * differs only in START is one: START is never repaired (see plan/build-sequences.ts).
 */
export function isInformational(c: Change): boolean {
  if (c.kind === 'sequence-differs' || c.kind === 'identity-options-differ') return c.aspects.every((a) => a === 'start');
  return c.kind.startsWith('extra-') || c.kind === 'name-differs' || c.kind === 'column-order-differs' || c.kind === 'enum-order-differs';
}

export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}

/** A registry object's table (policies, triggers, RLS), or the view itself; functions have none. */
function objectGroup(o: CatalogObject): QualifiedName | null {
  return objectTable(o) ?? (o.kind === 'view' ? { schema: o.schema, name: o.name } : null);
}

/** The table (or view) a change belongs to, if any (for grouping in reports). */
export function changeTable(c: Change): QualifiedName | null {
  switch (c.kind) {
    case 'missing-table':
      return { schema: c.table.schema, name: c.table.name };
    case 'missing-schema':
    case 'missing-extension':
    case 'missing-enum':
    case 'missing-enum-value':
    case 'missing-sequence':
    case 'sequence-differs':
    case 'enum-order-differs':
    case 'extra-schema':
    case 'extra-enum':
    case 'extra-enum-value':
    case 'extra-sequence':
      return null;
    case 'extra-table':
      return c.table;
    case 'missing-object':
    case 'extra-object':
      return objectGroup(c.object);
    case 'object-differs':
      return objectGroup(c.declared);
    case 'ledger-differs':
      return c.ledger;
    default:
      return c.table;
  }
}
