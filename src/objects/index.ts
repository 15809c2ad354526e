/**
 * The registry of object kinds. Each kind lives in its own folder
 * (src/objects/<kind>/: catalog query, model, compare, statements); the
 * pipeline stages iterate this list. Adding a kind: write its folder, add its
 * model to model.ts and its definition here.
 */
import { aggregateKind } from './aggregate/index.js';
import { collationKind } from './collation/index.js';
import { columnSettingsKind } from './column-settings/index.js';
import { commentKind } from './comment/index.js';
import { compositeTypeKind } from './composite-type/index.js';
import { domainKind } from './domain/index.js';
import { eventTriggerKind } from './event-trigger/index.js';
import { functionKind } from './function/index.js';
import { grantKind } from './grant/index.js';
import { inheritanceKind } from './inheritance/index.js';
import type { CatalogObject, CatalogObjectKind } from './model.js';
import { policyKind } from './policy/index.js';
import { publicationKind } from './publication/index.js';
import { publicationSchemaKind } from './publication-schema/index.js';
import { publicationTableKind } from './publication-table/index.js';
import { rangeTypeKind } from './range-type/index.js';
import { replicaIdentityKind } from './replica-identity/index.js';
import { rowSecurityKind } from './row-security/index.js';
import { ruleKind } from './rule/index.js';
import { statisticsKind } from './statistics/index.js';
import { objectKey } from './sql.js';
import { tableOptionsKind } from './table-options/index.js';
import { triggerKind } from './trigger/index.js';
import type { ObjectKindDef } from './types.js';
import { unloggedKind } from './unlogged/index.js';
import { viewKind } from './view/index.js';
import { viewIndexKind } from './view-index/index.js';

export type { CatalogObject, CatalogObjectKind, NotCompared } from './model.js';
export type { CompareContext, ObjectKindDef, ObjectStatement, ObjectPlanContext } from './types.js';
export { objectKey, pluralOf } from './sql.js';

type Registry = { readonly [K in CatalogObjectKind]: ObjectKindDef<Extract<CatalogObject, { kind: K }>> };

export const REGISTRY: Registry = {
  collation: collationKind,
  domain: domainKind,
  'composite-type': compositeTypeKind,
  'range-type': rangeTypeKind,
  function: functionKind,
  aggregate: aggregateKind,
  view: viewKind,
  'view-index': viewIndexKind,
  trigger: triggerKind,
  'event-trigger': eventTriggerKind,
  rule: ruleKind,
  policy: policyKind,
  'row-security': rowSecurityKind,
  'replica-identity': replicaIdentityKind,
  unlogged: unloggedKind,
  'table-options': tableOptionsKind,
  'column-settings': columnSettingsKind,
  inheritance: inheritanceKind,
  statistics: statisticsKind,
  publication: publicationKind,
  'publication-table': publicationTableKind,
  'publication-schema': publicationSchemaKind,
  comment: commentKind,
  grant: grantKind,
};

export const OBJECT_KINDS = Object.keys(REGISTRY) as CatalogObjectKind[];

/** The definition of an object's kind, typed for that object. */
export function kindOf<O extends CatalogObject>(o: O): ObjectKindDef<O> {
  return REGISTRY[o.kind] as unknown as ObjectKindDef<O>;
}

export function keyOf(o: CatalogObject): string {
  return objectKey(o.kind, kindOf(o).identity(o));
}

export function describeObject(o: CatalogObject): string {
  return kindOf(o).display(o);
}

/** The object as DDL for people. */
export function objectText(o: CatalogObject): string {
  return kindOf(o).text(o);
}

/** The table an object belongs to (policies, triggers, RLS flags), for scoping and grouping. */
export function objectTable(o: CatalogObject): { schema: string; name: string } | null {
  return kindOf(o).table(o);
}

/** Objects sorted by kind (registry order), then key: the introspector's order. */
export function sortObjects(objects: readonly CatalogObject[]): CatalogObject[] {
  const rank = (o: CatalogObject): number => OBJECT_KINDS.indexOf(o.kind);
  const withKeys = objects.map((o) => ({ o, k: keyOf(o) }));
  return withKeys.sort((a, b) => rank(a.o) - rank(b.o) || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.o);
}
