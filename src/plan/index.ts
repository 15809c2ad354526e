/**
 * plan(changes, context) -> Plan: statements in phase order, hazardous ones
 * withheld unless their kind was allowed by name, and notes for what needs a person.
 */
import { assertNever, type Change } from '../diff/changes.js';
import { qualifiedKey } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import {
  constraintNotValidated,
  invalidIndex,
  missingCheck,
  missingForeignKey,
  missingIndex,
  missingPrimaryKey,
  missingUnique,
} from './build-constraints.js';
import { built, type BuildContext, type Built } from './build-context.js';
import { defaultDiffers, foreignKeyDiffers, indexDiffers, nameDiffers, nullabilityDiffers } from './build-fixes.js';
import { extraObject, missingObject, objectDiffers, orderByDependencies } from './build-registry.js';
import { columnTypesDiffer, groupTypeChanges } from './build-types.js';
import { missingColumn, missingEnum, missingEnumValue, missingExtension, missingSchema, missingSequence, missingTable } from './build-objects.js';
import { PHASES, type Note, type Plan, type PlanContext, type Statement } from './types.js';

export type { Plan, PlanContext, PlanOptions, Statement, Note, Hazard, HazardKind, Phase, LockLevel } from './types.js';
export { HAZARD_KINDS, PHASES } from './types.js';

const note = (c: Change, message: string, level: Note['level'] = 'info'): Built => built([], [{ level, message, source: c }]);

function build(c: Change, ctx: BuildContext): Built {
  switch (c.kind) {
    case 'missing-schema':
      return missingSchema(c);
    case 'missing-extension':
      return missingExtension(c);
    case 'missing-enum':
      return missingEnum(c);
    case 'missing-enum-value':
      return missingEnumValue(c);
    case 'missing-sequence':
      return missingSequence(c);
    case 'missing-table': {
      // The table, then its foreign keys and indexes; every statement points at this change.
      const fks = c.table.foreignKeys.flatMap((fk) => missingForeignKey({ kind: 'missing-foreign-key', table: c.table, foreignKey: fk }, ctx).statements);
      const ixs = c.table.indexes.filter((i) => i.constraint === null).flatMap((ix) => missingIndex({ kind: 'missing-index', table: c.table, index: ix }, ctx).statements);
      return built([...missingTable(c).statements, ...[...fks, ...ixs].map((s) => ({ ...s, source: c }))]);
    }
    case 'missing-column':
      return missingColumn(c, ctx);
    case 'missing-primary-key':
      return missingPrimaryKey(c, ctx);
    case 'missing-foreign-key':
      return missingForeignKey(c, ctx);
    case 'missing-unique':
      return missingUnique(c, ctx);
    case 'missing-check':
      return missingCheck(c, ctx);
    case 'missing-index':
      return missingIndex(c, ctx);
    case 'column-type-differs': {
      // The first change of a table's group builds the statement for the whole group.
      const group = ctx.typeGroups.get(c) ?? [c];
      return group[0] === c ? columnTypesDiffer(group, ctx) : built();
    }
    case 'nullability-differs':
      return nullabilityDiffers(c, ctx);
    case 'default-differs':
      return defaultDiffers(c);
    case 'identity-differs':
      return note(c, `identity of ${displayName(c.table.schema, c.table.name)}.${c.column} differs (declared ${c.declared.identity ?? 'none'}, live ${c.live.identity ?? 'none'}): change it by hand`, 'warning');
    case 'generated-differs':
      return note(c, `generated expression of ${displayName(c.table.schema, c.table.name)}.${c.column} differs: it can only be changed by dropping and re-adding the column; do it by hand`, 'warning');
    case 'foreign-key-differs':
      return foreignKeyDiffers(c);
    case 'index-differs':
      return indexDiffers(c);
    case 'constraint-not-validated':
      return constraintNotValidated(c);
    case 'invalid-index':
      return invalidIndex(c);
    case 'name-differs':
      return nameDiffers(c, ctx);
    case 'column-order-differs':
      return note(c, `column order of ${displayName(c.table.schema, c.table.name)} differs (information only; PostgreSQL cannot reorder columns)`);
    case 'enum-order-differs':
      return note(c, `label order of enum ${displayName(c.enum.schema, c.enum.name)} differs: declared ${c.declared.join(', ')}; live ${c.live.join(', ')}`, 'warning');
    case 'extra-schema':
      return note(c, `schema ${c.schema} is not in the model (kept)`);
    case 'extra-table':
      return note(c, `table ${displayName(c.table.schema, c.table.name)} is not in the model (kept)`);
    case 'extra-column':
      return note(c, `column ${displayName(c.table.schema, c.table.name)}.${c.column} is not in the model (kept)`);
    case 'extra-enum':
      return note(c, `enum ${displayName(c.enum.schema, c.enum.name)} is not in the model (kept)`);
    case 'extra-enum-value':
      return note(c, `enum ${displayName(c.enum.schema, c.enum.name)} has value ${JSON.stringify(c.value)} the model lacks (kept)`);
    case 'extra-sequence':
      return note(c, `sequence ${displayName(c.sequence.schema, c.sequence.name)} is not in the model (kept)`);
    case 'ledger-differs':
      // Built by ledger/ (it needs the ledger's rows), appended after the schema statements.
      return built();
    case 'extra-constraint':
      return note(c, `${c.objectKind} ${c.name} on ${displayName(c.table.schema, c.table.name)} is not in the model (kept)`);
    case 'missing-object':
      return missingObject(c);
    case 'object-differs':
      return objectDiffers(c);
    case 'extra-object':
      return extraObject(c);
    default:
      return assertNever(c);
  }
}

export function plan(changes: readonly Change[], context: PlanContext): Plan {
  const newTables = new Set(changes.flatMap((c) => (c.kind === 'missing-table' ? [qualifiedKey(c.table)] : [])));
  const ctx: BuildContext = { ...context, newTables, typeGroups: groupTypeChanges(changes) };
  const ordered = orderByDependencies([...changes].sort((a, b) => rank(a) - rank(b)));
  const statements: Statement[] = [];
  const notes: Note[] = [];
  for (const c of ordered) {
    const b = build(c, ctx);
    statements.push(...b.statements);
    notes.push(...b.notes);
  }
  const phaseIndex = (s: Statement): number => PHASES.indexOf(s.phase);
  const sorted = statements.map((s, i) => ({ s, i })).sort((a, b) => phaseIndex(a.s) - phaseIndex(b.s) || a.i - b.i).map((x) => x.s);
  const allowed = new Set(context.options.allowHazards ?? []);
  const runnable = (s: Statement): boolean => s.hazards.every((h) => allowed.has(h.kind));
  return { statements: sorted.filter(runnable), withheld: sorted.filter((s) => !runnable(s)), notes, changes };
}

function rank(c: Change): number {
  // Partitions after their parents; generated columns after the columns their expression reads.
  if (c.kind === 'missing-table' && c.table.partitionOf) return 1;
  if (c.kind === 'missing-column' && c.column.generated) return 1;
  return 0;
}
