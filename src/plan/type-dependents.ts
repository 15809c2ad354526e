/**
 * What a column type change must take apart and put back. PostgreSQL refuses
 * `ALTER COLUMN ... TYPE` while a view or rule, a policy, a trigger or a routine
 * with a SQL-standard body depends on the column (type-facts `dependents`). Those
 * registry objects, and what depends on them in turn, are dropped before the ALTER
 * and created again after it in the same transaction (the declared version where
 * the model has one, else as the live database has it), with what is attached to
 * them (grants, comments, triggers of a view) set again; a materialized view's
 * indexes are built after it. Views and routines so replaced carry the `replace`
 * hazard, a populated materialized view `refresh`. A generated column, the partition
 * key or anything the registry does not hold cannot be dropped around the change:
 * the change is then a warning, never a script that stops.
 */
import type { Change } from '../diff/changes.js';
import { dependentsOf } from '../diff/objects.js';
import type { QualifiedName } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { describeObject, keyOf, kindOf, objectTable, type CatalogObject, type ObjectStatement } from '../objects/index.js';
import { displayName } from '../render/model-text.js';
import { columnKey, NO_TYPE_FACTS, type ColumnDependent } from './type-facts.js';
import type { Hazard, PlanContext } from './types.js';

type TypeChange = Extract<Change, { kind: 'column-type-differs' }>;

/** The objects around one group's ALTER: SQL before and after it (one transaction), and builds after the transaction. */
export interface Around {
  /** Registry keys dropped and created again: their own object-differs changes are covered by the ALTER. */
  readonly keys: ReadonlySet<string>;
  readonly drops: readonly string[];
  readonly creates: readonly string[];
  /** Statements that cannot run in the transaction (a materialized view's concurrent index builds). */
  readonly after: readonly ObjectStatement[];
  readonly hazards: readonly Hazard[];
  /** Views and tables the drops and creates lock besides the table. */
  readonly locks: readonly QualifiedName[];
  /** A materialized view is populated again: the transaction runs its query. */
  readonly long: boolean;
  readonly names: readonly string[];
}

const show = (q: QualifiedName): string => displayName(q.schema, q.name);

function dependentsOfColumn(c: TypeChange, ctx: PlanContext): readonly ColumnDependent[] {
  return (ctx.typeFacts ?? NO_TYPE_FACTS).dependents?.get(columnKey(c.table, c.column)) ?? [];
}

function liveObjects(ctx: PlanContext): Map<string, CatalogObject> {
  return new Map((ctx.objects?.live ?? []).map((o) => [keyOf(o), o]));
}

/** What stops the change and cannot be dropped and created around it (a warning); empty when nothing does. */
export function blockedBy(c: TypeChange, ctx: PlanContext): ColumnDependent[] {
  // Most changed columns have no dependents: no map of the live objects for them.
  if (dependentsOfColumn(c, ctx).length === 0) return [];
  const live = ctx.objects ? liveObjects(ctx) : null;
  return dependentsOfColumn(c, ctx).filter((d) => d.cause !== 'object' || d.key === null || live === null || !live.has(d.key));
}

const ADVICE: Record<ColumnDependent['cause'], string> = {
  generated: 'drop that generated column, change the type and add the column again (a table rewrite), by hand',
  'partition-key': "a partition key's type cannot change in place: create a partitioned table with the declared type and move the rows into it",
  other: 'drop it, change the type and create it again, by hand',
  object: 'it is not in the compared schemas (or belongs to an extension), so it is not dropped and created here: drop it, change the type and create it again, by hand',
};

/** The warning for a change that dependents block. */
export function blockedMessage(c: TypeChange, blockers: readonly ColumnDependent[]): string {
  const what = blockers.map((b) => `${b.what} (${ADVICE[b.cause]})`).join('; and ');
  return `type change of ${show(c.table)}.${c.column} from ${c.live.type} to ${c.declared.type} is not planned: PostgreSQL refuses it while the column is ${what}`;
}

/** Keys in creation order: each after the ones it depends on (depth first over `dependsOn`). */
function creationOrder(keys: readonly string[], live: ReadonlyMap<string, CatalogObject>): string[] {
  const wanted = new Set(keys);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (k: string): void => {
    if (seen.has(k)) return;
    seen.add(k);
    const o = live.get(k);
    for (const dep of o ? kindOf(o).dependsOn(o) : []) if (wanted.has(dep)) visit(dep);
    out.push(k);
  };
  keys.forEach(visit);
  return out;
}

function replaceHazard(o: CatalogObject, column: string): Hazard[] {
  if (o.kind === 'view' && o.materialized) {
    const h: Hazard[] = [{ kind: 'replace', message: `${describeObject(o)} reads ${column}, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction` }];
    return o.populated ? [...h, { kind: 'refresh', message: `${describeObject(o)} is populated again (its whole query runs) under the type change's lock` }] : h;
  }
  if (o.kind === 'view' || o.kind === 'function' || o.kind === 'aggregate' || o.kind === 'rule') {
    return [{ kind: 'replace', message: `${describeObject(o)} reads ${column}, whose type PostgreSQL cannot change under it: dropped before the type change and created again after it, in the same transaction` }];
  }
  return [];
}

/**
 * The objects to drop and create around the group's ALTER, or null when nothing depends on
 * its columns. Call only for a group none of whose changes is blocked.
 */
export function aroundTypeChange(group: readonly TypeChange[], ctx: PlanContext): Around | null {
  if (group.every((c) => dependentsOfColumn(c, ctx).length === 0)) return null;
  const live = liveObjects(ctx);
  const declared = new Map((ctx.objects?.declared ?? []).map((o) => [keyOf(o), o]));
  const liveList = ctx.objects?.live ?? [];
  const direct: { key: string; column: string }[] = group.flatMap((c) =>
    dependentsOfColumn(c, ctx).flatMap((d) => (d.key !== null && live.has(d.key) ? [{ key: d.key, column: `${show(c.table)}.${c.column}` }] : [])),
  );
  if (direct.length === 0) return null;
  const reads = new Map<string, string>();
  for (const d of direct) {
    if (!reads.has(d.key)) reads.set(d.key, d.column);
    for (const o of dependentsOf(d.key, liveList)) if (!reads.has(keyOf(o))) reads.set(keyOf(o), d.column);
  }
  const order = creationOrder([...reads.keys()], live);
  const dropped = new Set(order);
  // What is part of a dropped object goes with it (grants, comments, a view's triggers and indexes): set again after.
  const attached = liveList.filter((o) => !dropped.has(keyOf(o)) && (kindOf(o).partOf?.(o) ?? []).some((p) => dropped.has(p)));
  const version = (o: CatalogObject): CatalogObject => declared.get(keyOf(o)) ?? o;
  const objects = order.map((k) => live.get(k)!);
  const creates: string[] = [];
  const after: ObjectStatement[] = [];
  for (const o of [...objects, ...attached]) {
    for (const s of kindOf(version(o)).create(version(o))) {
      if (s.transactional === false) after.push({ ...s, description: `${s.description} (again, after the type change)` });
      else creates.push(s.sql);
    }
  }
  const locks = new Map<string, QualifiedName>();
  for (const o of objects) {
    const t = o.kind === 'view' ? { schema: o.schema, name: o.name } : objectTable(o);
    if (t) locks.set(qualifiedKey(t), t);
  }
  return {
    keys: dropped,
    drops: [...objects].reverse().map((o) => kindOf(o).drop(o)),
    creates,
    after,
    hazards: objects.flatMap((o) => replaceHazard(version(o), reads.get(keyOf(o)) ?? '')),
    locks: [...locks.values()],
    long: objects.some((o) => o.kind === 'view' && o.materialized && version(o).kind === 'view' && (version(o) as typeof o).populated),
    names: objects.map(describeObject),
  };
}
