/**
 * The database as it will be after a plan runs, predicted without running it:
 * the declared model for everything the plan compared, except what the plan
 * leaves undone (statements withheld for hazards, changes it only notes or warns
 * about), which stays as the live database has it, and extra objects, which the
 * plan keeps. Objects outside the compared scope stay live. Used to decide which migrations the ledger fix may record.
 */
import { isInformational, type Change } from '../diff/index.js';
import { applyScope, type Scope } from '../diff/scope.js';
import { foreignKeyIdentity, indexSignature } from '../diff/signatures.js';
import type { QualifiedName, Schema, Table } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { keyOf, type CatalogObject } from '../objects/index.js';
import type { Plan } from '../plan/types.js';

/** Changes the plan does not fully carry out. */
export function undone(plan: Plan): Change[] {
  // One statement carries a whole group of type changes on a table (its source is the group's first; `covers` the group).
  const covered = (ss: readonly Plan['statements'][number][]): Set<Change> => new Set(ss.flatMap((s): readonly Change[] => s.covers ?? [s.source]));
  const emitted = covered(plan.statements);
  const withheld = covered(plan.withheld);
  const warned = new Set(plan.notes.filter((n) => n.level === 'warning').map((n) => n.source));
  return plan.changes.filter((c) => !isInformational(c) && (!emitted.has(c) || withheld.has(c) || warned.has(c)));
}

function merge<T extends QualifiedName>(declared: readonly T[], live: readonly T[]): Map<string, T> {
  const out = new Map(declared.map((x) => [qualifiedKey(x), x]));
  for (const l of live) if (!out.has(qualifiedKey(l))) out.set(qualifiedKey(l), l);
  return out;
}

export function predictAfterPlan(declared: Schema, live: Schema, plan: Plan, scope: Scope = {}): Schema {
  const d = applyScope(declared, scope, { ledger: true });
  const tables = merge(d.tables, live.tables);
  const enums = merge(d.enums, live.enums);
  const sequences = merge(d.sequences, live.sequences);
  const schemas = new Set([...d.schemas, ...live.schemas]);
  const extensions = new Map([...live.extensions, ...d.extensions].map((e) => [e.name, e]));
  const liveTable = (t: QualifiedName): Table | undefined => live.tables.find((x) => qualifiedKey(x) === qualifiedKey(t));
  const edit = (t: QualifiedName, f: (x: Table) => Table): void => {
    const cur = tables.get(qualifiedKey(t));
    if (cur) tables.set(qualifiedKey(t), f(cur));
  };
  const liveColumn = (t: QualifiedName, column: string): void =>
    edit(t, (x) => {
      const l = liveTable(t)?.columns.find((c) => c.name === column);
      return { ...x, columns: l ? x.columns.map((c) => (c.name === column ? l : c)) : x.columns.filter((c) => c.name !== column) };
    });

  // Extra objects are reported and kept: they stay, unless the plan drops them (a migration of the source dropped them).
  const dropped = new Set(plan.statements.filter((s) => s.hazards.some((h) => h.kind === 'drop')).map((s) => s.source));
  for (const c of plan.changes) {
    if (dropped.has(c)) continue;
    const lt = c.kind === 'extra-column' || c.kind === 'extra-constraint' ? liveTable(c.table) : undefined;
    if (c.kind === 'extra-column' && lt) {
      const col = lt.columns.find((x) => x.name === c.column);
      if (col) edit(c.table, (x) => ({ ...x, columns: [...x.columns, col] }));
    } else if (c.kind === 'extra-constraint' && lt) {
      const named = <T extends { name: string }>(xs: readonly T[]): T[] => xs.filter((x) => x.name === c.name);
      edit(c.table, (x) => {
        switch (c.objectKind) {
          case 'primary key':
            return { ...x, primaryKey: lt.primaryKey };
          case 'foreign key':
            return { ...x, foreignKeys: [...x.foreignKeys, ...named(lt.foreignKeys)] };
          case 'unique constraint':
            return { ...x, uniques: [...x.uniques, ...named(lt.uniques)] };
          case 'check constraint':
            return { ...x, checks: [...x.checks, ...named(lt.checks)] };
          case 'exclusion constraint':
            return { ...x, exclusions: [...x.exclusions, ...named(lt.exclusions)] };
          case 'index':
            return { ...x, indexes: [...x.indexes, ...named(lt.indexes)] };
        }
        return x;
      });
    } else if (c.kind === 'extra-enum-value') {
      const e = enums.get(qualifiedKey(c.enum));
      if (e && !e.labels.includes(c.value)) enums.set(qualifiedKey(c.enum), { ...e, labels: [...e.labels, c.value] });
    }
  }

  // Registry objects: declared, live ones kept; what the plan leaves undone stays live.
  const objects = new Map<string, CatalogObject>(d.objects.map((o) => [keyOf(o), o]));
  for (const o of live.objects) if (!objects.has(keyOf(o))) objects.set(keyOf(o), o);

  for (const c of undone(plan)) {
    switch (c.kind) {
      case 'missing-object':
        objects.delete(keyOf(c.object));
        break;
      case 'object-differs':
        objects.set(keyOf(c.declared), c.live);
        break;
      case 'missing-schema':
        schemas.delete(c.schema);
        break;
      case 'missing-extension':
        extensions.delete(c.extension.name);
        break;
      case 'missing-enum':
        enums.delete(qualifiedKey(c.enum));
        break;
      case 'missing-enum-value': {
        const e = enums.get(qualifiedKey(c.enum));
        if (e) enums.set(qualifiedKey(c.enum), { ...e, labels: e.labels.filter((v) => v !== c.value) });
        break;
      }
      case 'missing-sequence':
        sequences.delete(qualifiedKey(c.sequence));
        break;
      case 'missing-table':
        tables.delete(qualifiedKey(c.table));
        break;
      case 'missing-column':
        edit(c.table, (x) => ({ ...x, columns: x.columns.filter((col) => col.name !== c.column.name) }));
        break;
      case 'missing-primary-key':
        edit(c.table, (x) => ({ ...x, primaryKey: liveTable(c.table)?.primaryKey ?? null }));
        break;
      case 'missing-foreign-key':
        edit(c.table, (x) => ({ ...x, foreignKeys: x.foreignKeys.filter((f) => f !== c.foreignKey) }));
        break;
      case 'missing-unique':
        edit(c.table, (x) => ({ ...x, uniques: x.uniques.filter((u) => u !== c.unique) }));
        break;
      case 'missing-check':
        edit(c.table, (x) => ({ ...x, checks: x.checks.filter((k) => k !== c.check) }));
        break;
      case 'missing-exclusion':
        edit(c.table, (x) => ({ ...x, exclusions: x.exclusions.filter((k) => k !== c.exclusion) }));
        break;
      case 'missing-index':
        edit(c.table, (x) => ({ ...x, indexes: x.indexes.filter((i) => i !== c.index) }));
        break;
      case 'column-type-differs':
      case 'nullability-differs':
      case 'default-differs':
      case 'identity-differs':
      case 'identity-options-differ':
      case 'generated-differs':
        liveColumn(c.table, c.column);
        break;
      case 'sequence-differs':
        sequences.set(qualifiedKey(c.sequence), c.live);
        break;
      case 'foreign-key-differs':
        edit(c.table, (x) => ({ ...x, foreignKeys: x.foreignKeys.map((f) => (f === c.declared ? c.live : f)) }));
        break;
      case 'index-differs':
        edit(c.table, (x) => ({ ...x, indexes: x.indexes.map((i) => (i === c.declared ? c.live : i)) }));
        break;
      case 'invalid-index':
        edit(c.table, (x) => ({ ...x, indexes: x.indexes.map((i) => (indexSignature(i) === indexSignature(c.declared) ? c.index : i)) }));
        break;
      case 'constraint-not-validated': {
        const fk = c.foreignKey;
        if (fk) {
          edit(c.table, (x) => ({
            ...x,
            foreignKeys: x.foreignKeys.map((f) => (foreignKeyIdentity(f) === foreignKeyIdentity(fk) ? { ...f, validated: false } : f)),
          }));
        } else {
          edit(c.table, (x) => ({ ...x, checks: x.checks.map((k) => (k.expression === c.checkExpression ? { ...k, validated: false } : k)) }));
        }
        break;
      }
      default:
        // Informational changes are never undone work.
        break;
    }
  }
  return {
    schemas: [...schemas].sort(),
    tables: [...tables.values()],
    enums: [...enums.values()],
    sequences: [...sequences.values()],
    extensions: [...extensions.values()],
    views: live.views,
    objects: [...objects.values()],
    notCompared: live.notCompared,
  };
}
