/**
 * The model of every registry kind, one discriminated union on `kind`
 * (model/types.ts holds them in `Schema.objects`).
 */
import type { AggregateObject } from './aggregate/model.js';
import type { CollationObject } from './collation/model.js';
import type { ColumnSettingsObject } from './column-settings/model.js';
import type { CommentObject } from './comment/model.js';
import type { CompositeTypeObject } from './composite-type/model.js';
import type { DomainObject } from './domain/model.js';
import type { EventTriggerObject } from './event-trigger/model.js';
import type { FunctionObject } from './function/model.js';
import type { GrantObject } from './grant/model.js';
import type { InheritanceObject } from './inheritance/model.js';
import type { PolicyObject } from './policy/model.js';
import type { PublicationObject } from './publication/model.js';
import type { PublicationSchemaObject } from './publication-schema/model.js';
import type { PublicationTableObject } from './publication-table/model.js';
import type { RangeTypeObject } from './range-type/model.js';
import type { ReplicaIdentityObject } from './replica-identity/model.js';
import type { RowSecurityObject } from './row-security/model.js';
import type { RuleObject } from './rule/model.js';
import type { StatisticsObject } from './statistics/model.js';
import type { TableOptionsObject } from './table-options/model.js';
import type { TriggerObject } from './trigger/model.js';
import type { UnloggedObject } from './unlogged/model.js';
import type { ViewObject } from './view/model.js';
import type { ViewIndexObject } from './view-index/model.js';

export type { AggregateObject, CollationObject, ColumnSettingsObject, CommentObject, CompositeTypeObject, DomainObject, EventTriggerObject, FunctionObject, GrantObject, InheritanceObject, PolicyObject, PublicationObject, PublicationSchemaObject, PublicationTableObject, RangeTypeObject, ReplicaIdentityObject, RowSecurityObject, RuleObject, StatisticsObject, TableOptionsObject, TriggerObject, UnloggedObject, ViewIndexObject, ViewObject };

export type CatalogObject = CollationObject | DomainObject | CompositeTypeObject | CommentObject | FunctionObject | AggregateObject | ViewObject | TriggerObject | EventTriggerObject | PolicyObject | RowSecurityObject | GrantObject | ViewIndexObject | ReplicaIdentityObject | UnloggedObject | TableOptionsObject | ColumnSettingsObject | InheritanceObject | RangeTypeObject | RuleObject | StatisticsObject | PublicationObject | PublicationTableObject | PublicationSchemaObject;
export type CatalogObjectKind = CatalogObject['kind'];

/** Catalog objects the model does not hold yet, counted so they are never silently dropped. */
export interface NotCompared {
  /** Singular noun, e.g. `publication`, `rule`. */
  readonly kind: string;
  readonly count: number;
}
