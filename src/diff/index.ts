/**
 * compare(declared, live) -> Change[]: a pure function over two models.
 */
import type { EnumType, Schema, Table } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import type { Change } from './changes.js';
import { applyScope, type Scope } from './scope.js';
import { relationNames, type NameLookup } from './names.js';
import { compareObjects } from './objects.js';
import { sameOwner, sequenceAspects } from './sequences.js';
import { compareTable } from './tables.js';

export type { Change, ChangeKind } from './changes.js';
export { isInformational, changeTable, assertNever } from './changes.js';
export type { Scope } from './scope.js';

/**
 * The live label the model lacks that sits exactly where declared label `i` goes: the same
 * label (or the start) before it and the same label (or the end) after it on both sides.
 */
function renamedLabel(declared: readonly string[], live: readonly string[], i: number, declaredLabels: ReadonlySet<string>): string | null {
  const prev = i > 0 ? declared[i - 1] : undefined;
  const next = declared[i + 1];
  const found = live.filter((x, j) => !declaredLabels.has(x) && (j > 0 ? live[j - 1] : undefined) === prev && live[j + 1] === next);
  return found.length === 1 ? (found[0] ?? null) : null;
}

function compareEnum(d: EnumType, l: EnumType, out: Change[]): void {
  const q = { schema: d.schema, name: d.name };
  const liveLabels = new Set(l.labels);
  const declaredLabels = new Set(d.labels);
  d.labels.forEach((value, i) => {
    if (liveLabels.has(value)) return;
    const was = renamedLabel(d.labels, l.labels, i, declaredLabels);
    out.push({
      kind: 'missing-enum-value',
      enum: q,
      value,
      after: i > 0 ? (d.labels[i - 1] ?? null) : null,
      before: i === 0 ? (d.labels[1] ?? null) : null,
      ...(was !== null ? { looksRenamedFrom: was } : {}),
    });
  });
  for (const value of l.labels) if (!declaredLabels.has(value)) out.push({ kind: 'extra-enum-value', enum: q, value });
  const commonD = d.labels.filter((x) => liveLabels.has(x));
  const commonL = l.labels.filter((x) => declaredLabels.has(x));
  if (JSON.stringify(commonD) !== JSON.stringify(commonL)) out.push({ kind: 'enum-order-differs', enum: q, declared: commonD, live: commonL });
}

function byKey<T extends { schema: string; name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [qualifiedKey(x), x]));
}

/**
 * Every difference between the declared model and the live one, in a stable
 * order: schemas, extensions, enums, sequences, then table by table.
 */
/** A missing table, with the names of its indexes that other live relations hold (CREATE INDEX IF NOT EXISTS would skip them). */
function missingTable(d: Table, names: NameLookup): Change {
  const taken = d.indexes.filter((ix) => ix.constraint === null).flatMap((ix) => {
    const holder = names(d.schema, ix.name);
    return holder ? [[ix.name, holder] as const] : [];
  });
  return taken.length > 0 ? { kind: 'missing-table', table: d, namesTaken: Object.fromEntries(taken) } : { kind: 'missing-table', table: d };
}

/** Columns of a table in order, names and definitions: two tables alike in all of it may be one renamed. */
const tableShape = (t: Table): string => JSON.stringify(t.columns);

/** A missing table with exactly one extra live table of the same schema and the same columns: perhaps it renamed. */
function markTableLookalikes(out: Change[], extra: readonly Table[]): void {
  for (let i = 0; i < out.length; i++) {
    const m = out[i];
    if (m?.kind !== 'missing-table') continue;
    const alike = extra.filter((l) => l.schema === m.table.schema && tableShape(l) === tableShape(m.table));
    if (alike.length === 1) out[i] = { ...m, looksRenamedFrom: { schema: alike[0]!.schema, name: alike[0]!.name } };
  }
}

export function compare(declaredModel: Schema, liveModel: Schema, scope: Scope = {}): Change[] {
  // Ledger tables belong to the migration tools on both sides: a reference database
  // (`--from postgres://...`) has them too, and they are never part of the model.
  const declared = applyScope(declaredModel, scope, { ledger: true });
  const live = applyScope(liveModel, scope, { ledger: true });
  const out: Change[] = [];

  const liveSchemas = new Set(live.schemas);
  for (const s of declared.schemas) if (!liveSchemas.has(s)) out.push({ kind: 'missing-schema', schema: s });
  const declaredSchemas = new Set(declared.schemas);
  for (const s of live.schemas) if (!declaredSchemas.has(s)) out.push({ kind: 'extra-schema', schema: s });

  const liveExt = new Set(live.extensions.map((e) => e.name));
  for (const e of declared.extensions) if (!liveExt.has(e.name)) out.push({ kind: 'missing-extension', extension: e });

  const liveEnums = byKey(live.enums);
  for (const d of declared.enums) {
    const l = liveEnums.get(qualifiedKey(d));
    if (!l) out.push({ kind: 'missing-enum', enum: d });
    else compareEnum(d, l, out);
  }
  const declaredEnums = byKey(declared.enums);
  for (const l of live.enums) if (!declaredEnums.has(qualifiedKey(l))) out.push({ kind: 'extra-enum', enum: { schema: l.schema, name: l.name } });

  const liveSeqs = byKey(live.sequences);
  for (const d of declared.sequences) {
    const l = liveSeqs.get(qualifiedKey(d));
    if (!l) {
      out.push({ kind: 'missing-sequence', sequence: d });
      continue;
    }
    const aspects = [...sequenceAspects(d, l, { identity: false }), ...(sameOwner(d, l) ? [] : (['owned-by'] as const))];
    if (aspects.length > 0) out.push({ kind: 'sequence-differs', sequence: { schema: d.schema, name: d.name }, declared: d, live: l, aspects });
  }
  const declaredSeqs = byKey(declared.sequences);
  for (const l of live.sequences) {
    if (!declaredSeqs.has(qualifiedKey(l))) out.push({ kind: 'extra-sequence', sequence: { schema: l.schema, name: l.name } });
  }

  const liveTables = byKey(live.tables);
  // Names and references are looked up in the whole live database: a name is taken whatever the scope.
  const context = { names: relationNames(liveModel), liveTables: liveModel.tables, declaredTables: declaredModel.tables };
  for (const d of declared.tables) {
    const l = liveTables.get(qualifiedKey(d));
    if (!l) out.push(missingTable(d, context.names));
    else out.push(...compareTable(d, l, context));
  }
  const declaredTables = byKey(declared.tables);
  const extraTables = live.tables.filter((l) => !declaredTables.has(qualifiedKey(l)));
  for (const l of extraTables) out.push({ kind: 'extra-table', table: { schema: l.schema, name: l.name } });
  markTableLookalikes(out, extraTables);
  out.push(...compareObjects(declared.objects, live.objects, [...declared.schemas, ...live.schemas]));
  return markReplicaIdentityIndexes(out, live.objects);
}

/** An index that differs and is its table's live replica identity is marked so (see indexDiffers in src/plan/build-fixes.ts). */
function markReplicaIdentityIndexes(changes: Change[], liveObjects: Schema['objects']): Change[] {
  const identities = new Set(
    liveObjects.flatMap((o) => (o.kind === 'replica-identity' && o.identity === 'index' && o.index !== '' ? [JSON.stringify([o.schema, o.name, o.index])] : [])),
  );
  if (identities.size === 0) return changes;
  return changes.map((c) =>
    c.kind === 'index-differs' && identities.has(JSON.stringify([c.table.schema, c.table.name, c.live.name])) ? { ...c, liveReplicaIdentity: true } : c,
  );
}
