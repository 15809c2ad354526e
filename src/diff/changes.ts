/**
 * What differs between the declared model and the live database, as data.
 * A discriminated union on `kind`; renderers and the planner switch on it with
 * an exhaustive check (`assertNever`).
 */
import type {
  Check,
  Column,
  EnumType,
  Extension,
  ForeignKey,
  Index,
  PrimaryKey,
  QualifiedName,
  Sequence,
  Table,
  Unique,
} from '../model/types.js';
import { objectTable, type CatalogObject } from '../objects/index.js';

export type ObjectKind = 'primary key' | 'foreign key' | 'unique constraint' | 'check constraint' | 'index';

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
    }
  | { readonly kind: 'missing-sequence'; readonly sequence: Sequence }
  | { readonly kind: 'missing-table'; readonly table: Table }
  | { readonly kind: 'missing-column'; readonly table: QualifiedName; readonly column: Column }
  | { readonly kind: 'missing-primary-key'; readonly table: QualifiedName; readonly primaryKey: PrimaryKey }
  | { readonly kind: 'missing-foreign-key'; readonly table: QualifiedName; readonly foreignKey: ForeignKey }
  | { readonly kind: 'missing-unique'; readonly table: QualifiedName; readonly unique: Unique }
  | { readonly kind: 'missing-check'; readonly table: QualifiedName; readonly check: Check }
  | { readonly kind: 'missing-index'; readonly table: QualifiedName; readonly index: Index }
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
      /** Which attributes differ. */
      readonly aspects: readonly ('actions' | 'match' | 'deferrability')[];
    }
  | {
      readonly kind: 'index-differs';
      readonly table: QualifiedName;
      readonly declared: Index;
      readonly live: Index;
      readonly aspects: readonly string[];
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
    }
  | { readonly kind: 'column-order-differs'; readonly table: QualifiedName; readonly declared: readonly string[]; readonly live: readonly string[] }
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
    }
  | { readonly kind: 'extra-object'; readonly object: CatalogObject }
  // The migration ledger disagrees with the source and the schema (made by ledger/, not by compare()).
  | { readonly kind: 'ledger-differs'; readonly ledger: QualifiedName; readonly record: readonly string[]; readonly prune: readonly string[] };

export type ChangeKind = Change['kind'];

/** Changes that only inform: nothing is planned for them by default. */
export function isInformational(c: Change): boolean {
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
