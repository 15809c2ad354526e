/**
 * Is what a migration did present in a database? Each effect (a `Change` of
 * `compare(after, before)`, see declared/effects.ts) becomes a small model
 * holding only what the migration made (a table as it left it, one column, one
 * index, ...), compared by structure with the same slice of the live database
 * through `compare()`, so a hand-made equivalent under another name counts.
 *
 * The rule for later changes: an effect is judged as of its migration, and a
 * difference from it is excused when some later migration of the source leaves
 * that same aspect exactly as the live database has it (a later migration
 * changed it on purpose: that migration's own effects judge it). So when 0005
 * adds a column to the table 0004 created, 0004 is not "different" (extra
 * columns never count), and when 0006 changes a type 0004 chose, 0004 is not
 * "different" when the live type is 0006's, but is when it is neither.
 * A difference that only says the live database is still as before the
 * migration makes the effect `missing`; any other makes it `different`.
 */
import { compare, isInformational, type Change } from '../diff/index.js';
import { checkSignature, exclusionSignature, foreignKeyBehaviour, foreignKeyIdentity, indexSignature, primaryKeySignature, uniqueSignature } from '../diff/signatures.js';
import type { Column, EnumType, Schema, Table } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { keyOf } from '../objects/index.js';

export type EffectState = 'present' | 'missing' | 'different' | 'superseded';

export interface EffectCheck {
  /** What the migration did. */
  readonly effect: Change;
  /** `superseded`: not as the migration left it, but as a later migration did. */
  readonly state: EffectState;
  /**
   * For `missing` and `different`: what the database lacks or has otherwise, as
   * `compare(expected, database)` changes; for a removal that did not happen, the effect itself.
   */
  readonly differences: readonly Change[];
}

export interface EffectModels {
  /** The source's model before the migration, after it, and after each later migration. */
  readonly before: Schema;
  readonly after: Schema;
  readonly later: readonly Schema[];
}

const EMPTY: Schema = { schemas: [], tables: [], enums: [], sequences: [], extensions: [], views: [], objects: [], notCompared: [] };

/** Effects that can be checked: removals, renames, and every non-informational change but an invalid index. */
export function checkableEffects(changes: readonly Change[]): Change[] {
  return changes.filter(
    (c) => c.kind !== 'invalid-index' && (c.kind.startsWith('extra-') || c.kind === 'name-differs' || !isInformational(c)),
  );
}

const findTable = (m: Schema, t: { schema: string; name: string }): Table | undefined => {
  const k = qualifiedKey(t);
  return m.tables.find((x) => qualifiedKey(x) === k);
};

function bare(t: Table): Table {
  return { ...t, columns: [], primaryKey: null, foreignKeys: [], uniques: [], checks: [], exclusions: [], indexes: [] };
}

const withTable = (t: Table): Schema => ({ ...EMPTY, tables: [t] });

/** The part of `after` a (non-removal) effect made, as a model of its own; null when it cannot be checked. */
export function slice(effect: Change, after: Schema): Schema | null {
  const table = 'table' in effect && effect.table ? findTable(after, effect.table) : undefined;
  const column = (name: string): Column | undefined => table?.columns.find((c) => c.name === name);
  const columnSlice = (name: string): Schema | null => {
    const col = column(name);
    return table && col ? withTable({ ...bare(table), columns: [col] }) : null;
  };
  switch (effect.kind) {
    case 'missing-schema':
      return { ...EMPTY, schemas: [effect.schema] };
    case 'missing-extension':
      return { ...EMPTY, extensions: [effect.extension] };
    case 'missing-enum':
      return { ...EMPTY, enums: [effect.enum] };
    case 'missing-enum-value': {
      const e: EnumType = { ...effect.enum, labels: [effect.value] };
      return { ...EMPTY, enums: [e] };
    }
    case 'missing-sequence':
      return { ...EMPTY, sequences: [effect.sequence] };
    case 'missing-table':
      return withTable(effect.table);
    case 'missing-object':
      return { ...EMPTY, objects: [effect.object] };
    case 'object-differs':
      return { ...EMPTY, objects: [effect.declared] };
    case 'missing-column':
      return table ? withTable({ ...bare(table), columns: [effect.column] }) : null;
    case 'missing-primary-key':
      return table ? withTable({ ...bare(table), primaryKey: effect.primaryKey }) : null;
    case 'missing-foreign-key':
      return table ? withTable({ ...bare(table), foreignKeys: [effect.foreignKey] }) : null;
    case 'missing-unique':
      return table ? withTable({ ...bare(table), uniques: [effect.unique] }) : null;
    case 'missing-check':
      return table ? withTable({ ...bare(table), checks: [effect.check] }) : null;
    case 'missing-exclusion':
      return table ? withTable({ ...bare(table), exclusions: [effect.exclusion] }) : null;
    case 'missing-index':
      return table ? withTable({ ...bare(table), indexes: [effect.index] }) : null;
    case 'column-type-differs':
    case 'nullability-differs':
    case 'default-differs':
    case 'identity-differs':
    case 'identity-options-differ':
    case 'generated-differs':
      return columnSlice(effect.column);
    case 'sequence-differs':
      return { ...EMPTY, sequences: [effect.declared] };
    case 'foreign-key-differs':
      return table ? withTable({ ...bare(table), foreignKeys: [effect.declared] }) : null;
    case 'index-differs':
      return table ? withTable({ ...bare(table), indexes: [effect.declared] }) : null;
    case 'constraint-not-validated': {
      if (!table) return null;
      const fk = table.foreignKeys.find((f) => f.name === effect.constraint);
      if (fk) return withTable({ ...bare(table), foreignKeys: [fk] });
      const check = table.checks.find((c) => c.name === effect.constraint);
      return check ? withTable({ ...bare(table), checks: [check] }) : null;
    }
    case 'name-differs': {
      if (!table) return null;
      const named = <T extends { name: string }>(xs: readonly T[]): T[] => xs.filter((x) => x.name === effect.declared);
      switch (effect.objectKind) {
        case 'primary key':
          return table.primaryKey ? withTable({ ...bare(table), primaryKey: table.primaryKey }) : null;
        case 'foreign key':
          return withTable({ ...bare(table), foreignKeys: named(table.foreignKeys) });
        case 'unique constraint':
          return withTable({ ...bare(table), uniques: named(table.uniques) });
        case 'check constraint':
          return withTable({ ...bare(table), checks: named(table.checks) });
        case 'exclusion constraint':
          return withTable({ ...bare(table), exclusions: named(table.exclusions) });
        case 'index':
          return withTable({ ...bare(table), indexes: named(table.indexes) });
      }
      return null;
    }
    default:
      return null;
  }
}

/** `model` cut down to the objects `mini` names, so that comparing costs what the slice costs. */
export function restrict(model: Schema, mini: Schema): Schema {
  const tables = new Set(mini.tables.map(qualifiedKey));
  const enums = new Set(mini.enums.map(qualifiedKey));
  const sequences = new Set(mini.sequences.map(qualifiedKey));
  const objects = new Set(mini.objects.map(keyOf));
  return {
    schemas: model.schemas.filter((s) => mini.schemas.includes(s)),
    tables: model.tables.filter((t) => tables.has(qualifiedKey(t))),
    enums: model.enums.filter((e) => enums.has(qualifiedKey(e))),
    sequences: model.sequences.filter((s) => sequences.has(qualifiedKey(s))),
    extensions: model.extensions,
    views: [],
    objects: model.objects.filter((o) => objects.has(keyOf(o))),
    notCompared: [],
  };
}

function differences(mini: Schema, model: Schema, keepNames: boolean): Change[] {
  return compare(mini, restrict(model, mini)).filter((c) => !isInformational(c) || (keepNames && c.kind === 'name-differs'));
}

const key = (...parts: unknown[]): string => JSON.stringify(parts);

/**
 * Two differences with equal keys leave the database in the same state for the
 * aspect they are about (the live side's values are part of the key; names of
 * structurally matched objects are not).
 */
export function differenceKey(c: Change): string {
  const t = 'table' in c && c.table ? qualifiedKey(c.table) : null;
  switch (c.kind) {
    case 'column-type-differs':
      return key(c.kind, t, c.column, c.live.type, c.live.collation);
    case 'nullability-differs':
      return key(c.kind, t, c.column, c.declaredNotNull);
    case 'default-differs':
      return key(c.kind, t, c.column, c.live);
    case 'identity-differs':
      return key(c.kind, t, c.column, c.live.identity);
    case 'identity-options-differ':
      return key(c.kind, t, c.column, c.aspects, c.live);
    case 'sequence-differs':
      return key(c.kind, qualifiedKey(c.sequence), c.aspects, { ...c.live, ownedBy: null });
    case 'generated-differs':
      return key(c.kind, t, c.column, c.live.generated);
    case 'foreign-key-differs':
      return key(c.kind, t, foreignKeyIdentity(c.declared), foreignKeyBehaviour(c.live));
    case 'index-differs':
      return key(c.kind, t, c.declared.name, indexSignature(c.live));
    case 'constraint-not-validated':
      return key(c.kind, t, c.objectKind, c.foreignKey ? foreignKeyIdentity(c.foreignKey) : c.checkExpression);
    case 'name-differs':
      return key(c.kind, t, c.objectKind, c.declared, c.live);
    case 'object-differs':
      return key(c.kind, keyOf(c.declared), c.live);
    default: {
      // Missing objects: the change carries the expected object, the same on every side;
      // where it would go in the live database (placement, a replaced check, a taken name) is not part of it.
      const { placement: _placement, replaces: _replaces, nameTakenBy: _taken, viaParent: _via, partitions: _parts, ...rest } = c as Change & {
        placement?: unknown;
        replaces?: unknown;
        nameTakenBy?: unknown;
        viaParent?: unknown;
        partitions?: unknown;
      };
      return JSON.stringify(rest);
    }
  }
}

function isRemoval(c: Change): boolean {
  return c.kind.startsWith('extra-');
}

/** Does `model` still hold what the removal effect removed (`before` has the removed object)? */
function stillHas(effect: Change, model: Schema, before: Schema): boolean {
  switch (effect.kind) {
    case 'extra-schema':
      return model.schemas.includes(effect.schema);
    case 'extra-table':
      return findTable(model, effect.table) !== undefined;
    case 'extra-column':
      return findTable(model, effect.table)?.columns.some((c) => c.name === effect.column) ?? false;
    case 'extra-enum':
      return model.enums.some((e) => qualifiedKey(e) === qualifiedKey(effect.enum));
    case 'extra-enum-value':
      return model.enums.some((e) => qualifiedKey(e) === qualifiedKey(effect.enum) && e.labels.includes(effect.value));
    case 'extra-sequence':
      return model.sequences.some((s) => qualifiedKey(s) === qualifiedKey(effect.sequence));
    case 'extra-object':
      return model.objects.some((o) => keyOf(o) === keyOf(effect.object));
    case 'extra-constraint': {
      const now = findTable(model, effect.table);
      const was = findTable(before, effect.table);
      if (!now) return false;
      switch (effect.objectKind) {
        case 'primary key':
          return now.primaryKey !== null && (!was?.primaryKey || primaryKeySignature(now.primaryKey) === primaryKeySignature(was.primaryKey));
        case 'foreign key': {
          const old = was?.foreignKeys.find((f) => f.name === effect.name);
          return now.foreignKeys.some((f) => (old ? foreignKeyIdentity(f) === foreignKeyIdentity(old) : f.name === effect.name));
        }
        case 'unique constraint': {
          const old = was?.uniques.find((u) => u.name === effect.name);
          return now.uniques.some((u) => (old ? uniqueSignature(u) === uniqueSignature(old) : u.name === effect.name));
        }
        case 'check constraint': {
          const old = was?.checks.find((c) => c.name === effect.name);
          return now.checks.some((c) => (old ? checkSignature(c) === checkSignature(old) : c.name === effect.name));
        }
        case 'exclusion constraint': {
          const old = was?.exclusions.find((x) => x.name === effect.name);
          return now.exclusions.some((x) => (old ? exclusionSignature(x) === exclusionSignature(old) : x.name === effect.name));
        }
        case 'index': {
          const old = was?.indexes.find((i) => i.name === effect.name);
          return now.indexes.some((i) => i.constraint === null && (old ? indexSignature(i) === indexSignature(old) : i.name === effect.name));
        }
      }
      return false;
    }
    default:
      return false;
  }
}

/** Judge one effect of a migration against `db` (the live model, or the model predicted after a plan). */
export function checkEffect(effect: Change, models: EffectModels, db: Schema): EffectCheck {
  const later = [...new Set(models.later)];
  if (isRemoval(effect)) {
    if (!stillHas(effect, db, models.before)) return { effect, state: 'present', differences: [] };
    if (later.some((l) => stillHas(effect, l, models.before))) return { effect, state: 'superseded', differences: [] };
    return { effect, state: 'missing', differences: [effect] };
  }
  const mini = slice(effect, models.after);
  if (!mini) return { effect, state: 'present', differences: [] };
  const keepNames = effect.kind === 'name-differs';
  const found = differences(mini, db, keepNames);
  if (found.length === 0) return { effect, state: 'present', differences: [] };
  const excused = new Set(later.flatMap((l) => differences(mini, l, keepNames).map(differenceKey)));
  const rest = found.filter((d) => !excused.has(differenceKey(d)));
  if (rest.length === 0) return { effect, state: 'superseded', differences: [] };
  const asBefore = new Set(differences(mini, models.before, keepNames).map(differenceKey));
  const containerMissing = rest.some((d) => d.kind === 'missing-table' || d.kind === 'missing-schema' || d.kind === 'missing-enum');
  const missing = containerMissing || rest.every((d) => asBefore.has(differenceKey(d)));
  return { effect, state: missing ? 'missing' : 'different', differences: rest };
}
