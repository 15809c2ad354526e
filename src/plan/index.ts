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
  missingExclusion,
  missingIndex,
} from './build-constraints.js';
import { createdByIdentityRepair, identityDiffers } from './build-identity.js';
import { identityOptionsDiffer, sequenceDiffers } from './build-sequences.js';
import { sequenceAdvance } from './build-sequence-advance.js';
import { dropPrimaryKeyFor, missingKey } from './build-keys.js';
import { built, referencedKey, type BuildContext, type Built } from './build-context.js';
import { defaultDiffers, foreignKeyDiffers, indexDiffers, nameDiffers, nullabilityDiffers, storageOnly } from './build-fixes.js';
import { commentsAgain, extraObject, foldExtraGrants, missingObject, objectDiffers, orderByDependencies } from './build-registry.js';
import { lookalikeNote, renamedColumn, renamedEnumValue, takenByRename } from './build-renames.js';
import { columnTypesDiffer, defaultWithTypeChange, groupTypeChanges, typeArounds, typeCovers, unusedUsing } from './build-types.js';
import { keyOf } from '../objects/index.js';
import { holdBackData, isAttributedDrop, stepStatements } from './build-steps.js';
import { holdBackDependents } from './withhold.js';
import { missingColumn, missingEnum, missingEnumValue, missingExtension, missingSchema, missingSequence, missingTable } from './build-objects.js';
import { PHASES, type Note, type Plan, type PlanContext, type Statement } from './types.js';

export type { Plan, PlanContext, PlanOptions, Statement, Note, Hazard, HazardKind, Phase, LockLevel } from './types.js';
export { HAZARD_KINDS, PHASES } from './types.js';
export { tablesRewritten } from './build-registry.js';

const note = (c: Change, message: string, level: Note['level'] = 'info'): Built => built([], [{ level, message, source: c }]);

function build(c: Change, ctx: BuildContext): Built {
  // Dropped by a migration of the source: built with the migration's other steps (build-steps.ts).
  if (isAttributedDrop(c, ctx)) return built();
  switch (c.kind) {
    case 'missing-schema':
      return missingSchema(c);
    case 'missing-extension':
      return missingExtension(c);
    case 'missing-enum':
      return missingEnum(c);
    case 'missing-enum-value':
      return renamedEnumValue(c, ctx) ?? missingEnumValue(c);
    case 'missing-sequence':
      // A serial's sequence whose column is an identity now: the identity repair creates it, in one step.
      return createdByIdentityRepair(c, ctx.changes) ? built() : missingSequence(c);
    case 'missing-table': {
      const lookalike = lookalikeNote(c);
      // The table, then its foreign keys and indexes; every statement points at this change.
      const fks = c.table.foreignKeys.flatMap((fk) => missingForeignKey({ kind: 'missing-foreign-key', table: c.table, foreignKey: fk }, ctx).statements);
      const ixs = c.table.indexes
        .filter((i) => i.constraint === null)
        // An index name another relation holds is moved aside (or reported) as for a missing index.
        .map((ix) => missingIndex({ kind: 'missing-index', table: c.table, index: ix, nameTakenBy: c.namesTaken?.[ix.name] ?? null, partitions: null }, ctx));
      const ixNotes = ixs.flatMap((b) => b.notes);
      const ixStatements = ixs.flatMap((b) => b.statements);
      return built([...missingTable(c).statements, ...[...fks, ...ixStatements].map((s) => ({ ...s, source: c }))], [...(lookalike ? [lookalike] : []), ...ixNotes.map((n) => ({ ...n, source: c }))]);
    }
    case 'missing-column': {
      // On a partition whose parent lacks it too, the parent's ADD COLUMN brings it (a partition cannot add one).
      if (c.viaParent) return built();
      const renamed = renamedColumn(c, ctx);
      if (renamed) return renamed;
      const lookalike = lookalikeNote(c);
      const added = missingColumn(c, ctx);
      const b = lookalike ? { ...added, notes: [lookalike, ...added.notes] } : added;
      const covers = [c, ...columnsViaParent(ctx.changes, c)];
      return covers.length > 1 ? { ...b, statements: b.statements.map((s) => ({ ...s, covers })) } : b;
    }
    case 'missing-primary-key':
      return again(missingKey(c, ctx), c.placement.replaces ? commentsAgain(c, ctx, 'constraint', c.table, [c.primaryKey.name]) : []);
    case 'missing-foreign-key':
      return missingForeignKey(c, ctx);
    case 'missing-unique':
      return again(missingKey(c, ctx), c.placement.replaces ? commentsAgain(c, ctx, 'constraint', c.table, [c.unique.name]) : []);
    case 'missing-check':
      return again(missingCheck(c, ctx), c.replaces ? commentsAgain(c, ctx, 'constraint', c.table, [c.check.name]) : []);
    case 'missing-exclusion':
      return missingExclusion(c, ctx);
    case 'missing-index':
      return missingIndex(c, ctx);
    case 'column-type-differs': {
      // The first change of a table's group builds the statements for the whole group.
      const group = ctx.typeGroups.get(c) ?? [c];
      if (group[0] !== c) return built();
      const b = columnTypesDiffer(group, ctx);
      const covers = [...group, ...typeCovers(group, ctx)];
      return { ...b, statements: b.statements.map((s) => ({ ...s, covers })) };
    }
    case 'nullability-differs':
      return nullabilityDiffers(c, ctx);
    case 'default-differs': {
      // A nextval default on columns that hold values: the sequence is advanced past them after the defaults are set.
      const b = defaultWithTypeChange(c, ctx) ?? defaultDiffers(c);
      return { ...b, statements: [...b.statements, ...sequenceAdvance(c, ctx)] };
    }
    case 'identity-differs':
      return identityDiffers(c, ctx);
    case 'identity-options-differ':
      return identityOptionsDiffer(c, ctx);
    case 'sequence-differs':
      return sequenceDiffers(c, ctx);
    case 'generated-differs':
      return note(c, `generated expression of ${displayName(c.table.schema, c.table.name)}.${c.column} differs: it can only be changed by dropping and re-adding the column; do it by hand`, 'warning');
    case 'foreign-key-differs':
      return foreignKeyDiffers(c);
    case 'index-differs':
      return again(indexDiffers(c), storageOnly(c) ? [] : commentsAgain(c, ctx, 'index', c.table, [c.declared.name]));
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
      if (takenByRename(c, ctx)) return built();
      return note(c, `column ${displayName(c.table.schema, c.table.name)}.${c.column} is not in the model (kept)`);
    case 'extra-enum':
      return note(c, `enum ${displayName(c.enum.schema, c.enum.name)} is not in the model (kept)`);
    case 'extra-enum-value':
      if (takenByRename(c, ctx)) return built();
      return note(c, `enum ${displayName(c.enum.schema, c.enum.name)} has value ${JSON.stringify(c.value)} the model lacks (kept)`);
    case 'extra-sequence':
      return note(c, `sequence ${displayName(c.sequence.schema, c.sequence.name)} is not in the model (kept)`);
    case 'ledger-differs':
      // Built by ledger/ (it needs the ledger's rows), appended after the schema statements.
      return built();
    case 'extra-constraint':
      if (c.objectKind === 'primary key' && ctx.primaryKeyDropped.has(qualifiedKey(c.table))) {
        const columns = ctx.changes.flatMap((x) => (x.kind === 'nullability-differs' && x.inLivePrimaryKey === c.name && qualifiedKey(x.table) === qualifiedKey(c.table) ? [x.column] : []));
        return built([dropPrimaryKeyFor(c, c.table, c.name, columns).statement]);
      }
      return note(c, `${c.objectKind} ${c.name} on ${displayName(c.table.schema, c.table.name)} is not in the model (kept)`);
    case 'missing-object':
      return missingObject(c, ctx);
    case 'object-differs':
      // Dropped and created again as declared around a column's type change: built there.
      if ([...ctx.typeArounds.values()].some((a) => a.keys.has(keyOf(c.declared)))) return built();
      return objectDiffers(c, ctx);
    case 'extra-object':
      return extraObject(c);
    default:
      return assertNever(c);
  }
}

/** A drop and create's statements with the comments it loses set again after it, withheld with it (when it plans any statement). */
function again(b: Built, comments: readonly Statement[]): Built {
  if (b.statements.length === 0 || comments.length === 0) return b;
  const hazards = [...new Map(b.statements.flatMap((s) => s.hazards).map((h) => [`${h.kind}\u0000${h.message}`, h])).values()];
  return { ...b, statements: [...b.statements, ...comments.map((s) => ({ ...s, hazards: [...s.hazards, ...hazards] }))] };
}

/** Missing columns of partitions (at any depth) that adding `c` to its table brings. */
function columnsViaParent(changes: readonly Change[], c: Extract<Change, { kind: 'missing-column' }>): Change[] {
  const out: Change[] = [];
  const parents = [qualifiedKey(c.table)];
  for (let i = 0; i < parents.length; i++) {
    for (const x of changes) {
      if (x.kind === 'missing-column' && x.viaParent && qualifiedKey(x.viaParent) === parents[i] && x.column.name === c.column.name) {
        out.push(x);
        parents.push(qualifiedKey(x.table));
      }
    }
  }
  return out;
}

/** What statement builders must know about the other changes of the plan. */
function crossChange(changes: readonly Change[]): Pick<BuildContext, 'referencedKeys' | 'primaryKeyReplaced' | 'primaryKeyDropped' | 'changes'> {
  const referencedKeys = new Set<string>();
  const primaryKeyReplaced = new Set<string>();
  const extraPrimaryKeys = new Set<string>();
  for (const c of changes) {
    const fks = c.kind === 'missing-foreign-key' ? [c.foreignKey] : c.kind === 'foreign-key-differs' ? [c.declared] : c.kind === 'missing-table' ? c.table.foreignKeys : [];
    for (const fk of fks) referencedKeys.add(referencedKey(fk.references, fk.referencedColumns));
    if (c.kind === 'missing-primary-key' && c.placement.replaces?.objectKind === 'primary key' && c.placement.replaces.referencedBy.length === 0) primaryKeyReplaced.add(qualifiedKey(c.table));
    if (c.kind === 'extra-constraint' && c.objectKind === 'primary key') extraPrimaryKeys.add(qualifiedKey(c.table));
  }
  const primaryKeyDropped = new Set(
    changes.flatMap((c) => (c.kind === 'nullability-differs' && !c.declaredNotNull && c.inLivePrimaryKey && extraPrimaryKeys.has(qualifiedKey(c.table)) ? [qualifiedKey(c.table)] : [])),
  );
  return { referencedKeys, primaryKeyReplaced, primaryKeyDropped, changes };
}

export function plan(changes: readonly Change[], context: PlanContext): Plan {
  const newTables = new Set(changes.flatMap((c) => (c.kind === 'missing-table' ? [qualifiedKey(c.table)] : [])));
  const typeGroups = groupTypeChanges(changes, context);
  const ctx: BuildContext = { ...context, newTables, typeGroups, typeArounds: typeArounds(typeGroups, context), ...crossChange(changes) };
  const ordered = orderByDependencies([...changes].sort((a, b) => rank(a) - rank(b)));
  const statements: Statement[] = [];
  const notes: Note[] = [];
  for (const c of ordered) {
    const b = build(c, ctx);
    statements.push(...b.statements);
    notes.push(...b.notes);
  }
  const steps = stepStatements(ctx);
  statements.push(...steps.statements);
  notes.push(...unusedUsing(changes, ctx));
  const phaseIndex = (s: Statement): number => PHASES.indexOf(s.phase);
  const allowed = new Set(context.options.allowHazards ?? []);
  const sorted = holdBackDependents(
    statements.map((s, i) => ({ s, i })).sort((a, b) => phaseIndex(a.s) - phaseIndex(b.s) || a.i - b.i).map((x) => x.s),
    allowed,
  );
  const runnable = holdBackData((s: Statement): boolean => s.hazards.every((h) => allowed.has(h.kind)), steps);
  const withheld = sorted.filter((s) => !runnable(s));
  for (const s of withheld) {
    if (s.phase === 'data' && s.hazards.every((h) => allowed.has(h.kind))) {
      const m = steps.migrationOf.get(s) ?? '?';
      notes.push({ level: 'warning', message: `the data statements of migration ${m} are withheld with its drops, which are not allowed (run alone, the next plan would list them again): allow both, --allow-hazards drop,data`, source: s.source });
    }
  }
  const data = withheld.filter((s) => s.hazards.some((h) => h.kind === 'data')).length;
  if (data > 0) {
    notes.push({
      level: 'warning',
      message: `${data} migration${data === 1 ? '' : 's'} had data statements that never ran (withheld, hazard data): once the schema is repaired nothing in it shows they are missing; read them, then --allow-hazards data runs them`,
      source: null,
    });
  }
  return { statements: sorted.filter(runnable), withheld, notes: foldExtraGrants(notes), changes };
}

function rank(c: Change): number {
  // Partitions after their parents; generated columns after the columns their expression reads.
  if (c.kind === 'missing-table' && c.table.partitionOf) return 1;
  if (c.kind === 'missing-column' && c.column.generated) return 1;
  return 0;
}
