/**
 * Comparing one table that exists on both sides: columns by name, constraints
 * and indexes by structure.
 */
import type { Column, Index, PrimaryKey, QualifiedName, Table, Unique } from '../model/types.js';
import type { Change, KeyPlacement, PartitionIndex, PartitionIndexes, PartitionKey, ReplacedKey } from './changes.js';
import { matchBy, type Matched } from './match.js';
import { noNames, type NameLookup } from './names.js';
import { sequenceAspects } from './sequences.js';
import {
  checkSignature,
  exclusionSignature,
  foreignKeyAspects,
  foreignKeyBehaviour,
  foreignKeyIdentity,
  indexAspects,
  indexSignature,
  primaryKeySignature,
  sameStorage,
  uniqueSignature,
} from './signatures.js';

function compareColumn(t: QualifiedName, d: Column, l: Column, livePk: Table['primaryKey'], out: Change[]): void {
  if (d.type !== l.type || d.collation !== l.collation) {
    out.push({ kind: 'column-type-differs', table: t, column: d.name, declared: d, live: l });
  }
  if (d.notNull !== l.notNull) {
    const inLivePrimaryKey = livePk && livePk.columns.includes(d.name) ? livePk.name : null;
    out.push({ kind: 'nullability-differs', table: t, column: d.name, declaredNotNull: d.notNull, inLivePrimaryKey });
  }
  const identityOrGenerated = d.identity || l.identity || d.generated || l.generated;
  if (d.identity !== l.identity) out.push({ kind: 'identity-differs', table: t, column: d.name, declared: d, live: l });
  // Both identities: their sequences' options (`?? null`: a model cached before they were read has none).
  const ds = d.identity ? (d.identitySequence ?? null) : null;
  const ls = l.identity ? (l.identitySequence ?? null) : null;
  if (ds && ls) {
    const aspects = sequenceAspects(ds, ls, { identity: true });
    if (aspects.length > 0) out.push({ kind: 'identity-options-differ', table: t, column: d.name, declared: ds, live: ls, aspects });
  }
  if (JSON.stringify(d.generated) !== JSON.stringify(l.generated)) {
    out.push({ kind: 'generated-differs', table: t, column: d.name, declared: d, live: l });
  }
  if (!identityOrGenerated && d.default !== l.default) {
    out.push({ kind: 'default-differs', table: t, column: d.name, declared: d.default, live: l.default });
  }
}

/** The live parent of a partition, when it lacks `column` too (adding it there adds it to every partition). */
function viaParent(ctx: TableContext, column: string): QualifiedName | null {
  const parent = ctx.live.partitionOf?.parent;
  if (!parent) return null;
  const lp = ctx.liveTables.find((x) => x.schema === parent.schema && x.name === parent.name);
  return lp && !lp.columns.some((c) => c.name === column) ? parent : null;
}

/** The definition of a column without its name: two columns alike in all of it may be one renamed. */
export const columnShape = (c: Column): string => JSON.stringify({ ...c, name: '' });

/**
 * One missing column and one extra column with the same definition: the missing one is marked as
 * perhaps the extra one renamed (a guess the planner only acts on under --rename).
 */
function markRenameLookalike(out: Change[], extra: readonly Column[]): void {
  const missing = out.flatMap((c, i) => (c.kind === 'missing-column' ? [i] : []));
  if (missing.length !== 1 || extra.length !== 1) return;
  const i = missing[0]!;
  const m = out[i];
  if (m?.kind !== 'missing-column' || m.viaParent || columnShape(m.column) !== columnShape(extra[0]!)) return;
  out[i] = { ...m, looksRenamedFrom: extra[0]!.name };
}

function compareColumns(ctx: TableContext): void {
  const { t, declared, live, out } = ctx;
  const liveByName = new Map(live.columns.map((c) => [c.name, c]));
  const declaredNames = new Set(declared.columns.map((c) => c.name));
  for (const d of declared.columns) {
    const l = liveByName.get(d.name);
    if (!l) out.push({ kind: 'missing-column', table: t, column: d, viaParent: viaParent(ctx, d.name) });
    else compareColumn(t, d, l, live.primaryKey, out);
  }
  const extra = live.columns.filter((l) => !declaredNames.has(l.name));
  for (const l of extra) out.push({ kind: 'extra-column', table: t, column: l.name });
  markRenameLookalike(out, extra);
  const commonDeclared = declared.columns.map((c) => c.name).filter((n) => liveByName.has(n));
  const commonLive = live.columns.map((c) => c.name).filter((n) => declaredNames.has(n));
  if (commonDeclared.join('\u0000') !== commonLive.join('\u0000')) {
    out.push({ kind: 'column-order-differs', table: t, declared: commonDeclared, live: commonLive });
  }
}

/** What a key's index must be: its columns, NULLS NOT DISTINCT and INCLUDE columns. */
type KeyShape = { readonly name: string; readonly columns: readonly string[]; readonly nullsNotDistinct: boolean; readonly include?: readonly string[] };

/** A live unique index that a declared key can take over with USING INDEX (its storage parameters are set after, in place). */
function attachable(ix: Index, key: KeyShape): boolean {
  const { columns } = key;
  return (
    ix.constraint === null &&
    ix.unique &&
    ix.valid &&
    ix.method === 'btree' &&
    ix.predicate === null &&
    JSON.stringify(ix.include) === JSON.stringify(key.include ?? []) &&
    ix.nullsNotDistinct === key.nullsNotDistinct &&
    ix.keys.length === columns.length &&
    ix.keys.every((k, i) => k.column === columns[i] && k.expression === null && k.opclass === null && k.collation === null && !k.descending && !k.nullsFirst)
  );
}

interface TableContext {
  readonly t: QualifiedName;
  readonly declared: Table;
  readonly live: Table;
  readonly names: NameLookup;
  /** Every live table, to find the foreign keys that reference a key. */
  readonly liveTables: readonly Table[];
  readonly declaredTables: readonly Table[];
  /** Live indexes owned by no constraint and matched to no declared index (extra so far). */
  readonly freeIndexes: Index[];
  /** Partition index names (schema NUL name) this table's missing indexes already chose or took over. */
  readonly takenNames: Set<string>;
  readonly out: Change[];
}

function referencedBy(ctx: TableContext, columns: readonly string[]): string[] {
  const want = JSON.stringify([...columns].sort());
  return ctx.liveTables.flatMap((tb) =>
    tb.foreignKeys
      .filter((fk) => fk.references.schema === ctx.t.schema && fk.references.name === ctx.t.name && JSON.stringify([...fk.referencedColumns].sort()) === want)
      .map((fk) => `${fk.name} on ${tb.schema}.${tb.name}`),
  );
}

/** Where a missing key goes: a live key it replaces, a live index it takes over, or a name another relation holds. */
function placeKey(ctx: TableContext, key: KeyShape, replaced: ReplacedKey | null, kind: 'primary' | 'unique'): KeyPlacement {
  // A free index of the key's own name first; another one only if no declared key of this table is named like it
  // (a unique index named as the declared unique is that unique's, even when the primary key is placed first).
  const declaredKeys = new Set([ctx.declared.primaryKey?.name, ...ctx.declared.uniques.map((u) => u.name)]);
  const exact = ctx.freeIndexes.findIndex((ix) => ix.name === key.name && attachable(ix, key));
  const at =
    exact >= 0
      ? exact
      : ctx.freeIndexes.findIndex((ix) => attachable(ix, key) && !declaredKeys.has(ix.name) && !ctx.names(ctx.t.schema, key.name));
  const taken = at >= 0 ? ctx.freeIndexes.splice(at, 1)[0] : undefined;
  if (taken && !replaced) return { replaces: null, usingIndex: taken.name, nameTakenBy: null };
  if (taken) ctx.freeIndexes.push(taken);
  const holder = ctx.names(ctx.t.schema, key.name);
  const freedByReplace = holder && replaced && holder.relkind === 'constraint index' && holder.constraint === replaced.name && holder.table?.name === ctx.t.name;
  const nameTakenBy = holder && !freedByReplace ? holder : null;
  return { replaces: replaced, usingIndex: null, nameTakenBy, partitions: replaced || nameTakenBy ? null : partitionKeys(ctx, key, kind) };
}

/**
 * Where each leaf partition's part of a key missing on a partitioned table comes from: a free
 * matching unique index of the partition, else a new one named as PostgreSQL names a partition's
 * key (`<partition>_pkey`, `<partition>_<columns>_key`). Null when the table is not partitioned,
 * has partitioned partitions, or a name is held.
 */
function partitionKeys(ctx: TableContext, key: KeyShape, kind: 'primary' | 'unique'): PartitionKey[] | null {
  if (ctx.live.kind !== 'partitioned') return null;
  const partitions = ctx.liveTables.filter((lt) => lt.partitionOf && sameTable(lt.partitionOf.parent, ctx.t));
  if (partitions.length === 0 || partitions.some((p) => p.kind === 'partitioned')) return null;
  const out: PartitionKey[] = [];
  for (const p of partitions) {
    const free = p.indexes.find((ix) => attachable(ix, key));
    if (free) {
      out.push({ table: { schema: p.schema, name: p.name }, name: free.name, existing: true });
      continue;
    }
    const name = partitionIndexName(p.name, kind === 'primary' ? 'pkey' : `${key.columns.join('_')}_key`);
    if (ctx.names(p.schema, name)) return null;
    out.push({ table: { schema: p.schema, name: p.name }, name, existing: false });
  }
  return out;
}

/** A key matched on both sides whose index's storage parameters differ: set on the live index in place (no rebuild). */
function keyStorage(ctx: TableContext, declared: PrimaryKey | Unique, live: PrimaryKey | Unique): void {
  if (JSON.stringify(declared.storage ?? []) === JSON.stringify(live.storage ?? [])) return;
  const d = ctx.declared.indexes.find((ix) => ix.constraint === declared.name);
  const l = ctx.live.indexes.find((ix) => ix.constraint === live.name);
  // A partitioned table's key index holds no pages of its own: its partitions' indexes are compared with theirs.
  if (d && l && ctx.live.kind !== 'partitioned') ctx.out.push({ kind: 'index-differs', table: ctx.t, onPartitioned: false, declared: d, live: l, aspects: ['storage'] });
}

function compareKeys(ctx: TableContext): void {
  const { t, declared, live, out } = ctx;
  const uniques = matchBy(declared.uniques, live.uniques, [uniqueSignature]);
  const extraUniques = [...uniques.extra];
  const takeExtraUnique = (name: string): Unique | undefined => {
    const i = extraUniques.findIndex((u) => u.name === name);
    return i >= 0 ? extraUniques.splice(i, 1)[0] : undefined;
  };
  const asReplaced = (objectKind: ReplacedKey['objectKind'], k: { name: string; columns: readonly string[] }): ReplacedKey => ({
    objectKind,
    name: k.name,
    columns: k.columns,
    referencedBy: referencedBy(ctx, k.columns),
  });

  if (declared.primaryKey) {
    const pk = declared.primaryKey;
    const l = live.primaryKey;
    if (!l || primaryKeySignature(l) !== primaryKeySignature(pk)) {
      // The live primary key is replaced; without one, a live unique constraint holding the name is.
      const sameNameUnique = l ? undefined : takeExtraUnique(pk.name);
      const replaced = l ? asReplaced('primary key', l) : sameNameUnique ? asReplaced('unique constraint', sameNameUnique) : null;
      out.push({ kind: 'missing-primary-key', table: t, primaryKey: pk, placement: placeKey(ctx, { ...pk, nullsNotDistinct: false }, replaced, 'primary') });
    } else {
      if (l.name !== pk.name) out.push({ kind: 'name-differs', table: t, objectKind: 'primary key', declared: pk.name, live: l.name });
      keyStorage(ctx, pk, l);
    }
  }
  if (live.primaryKey && !declared.primaryKey) {
    out.push({ kind: 'extra-constraint', table: t, objectKind: 'primary key', name: live.primaryKey.name });
  }

  for (const u of uniques.missing) {
    const sameName = takeExtraUnique(u.name);
    out.push({ kind: 'missing-unique', table: t, unique: u, placement: placeKey(ctx, u, sameName ? asReplaced('unique constraint', sameName) : null, 'unique') });
  }
  for (const [d, l] of uniques.pairs) {
    if (d.name !== l.name) out.push({ kind: 'name-differs', table: t, objectKind: 'unique constraint', declared: d.name, live: l.name });
    keyStorage(ctx, d, l);
  }
  for (const l of extraUniques) out.push({ kind: 'extra-constraint', table: t, objectKind: 'unique constraint', name: l.name });

  const checks = matchBy(declared.checks, live.checks, [checkSignature]);
  const extraChecks = [...checks.extra];
  for (const c of checks.missing) {
    const i = extraChecks.findIndex((l) => l.name === c.name);
    const replaces = i >= 0 ? (extraChecks.splice(i, 1)[0] ?? null) : null;
    out.push({ kind: 'missing-check', table: t, check: c, replaces });
  }
  for (const [d, l] of checks.pairs) {
    if (d.name !== l.name) out.push({ kind: 'name-differs', table: t, objectKind: 'check constraint', declared: d.name, live: l.name });
    if (d.validated && !l.validated) out.push({ kind: 'constraint-not-validated', table: t, constraint: l.name, objectKind: 'check constraint', foreignKey: null, checkExpression: l.expression });
  }
  for (const l of extraChecks) out.push({ kind: 'extra-constraint', table: t, objectKind: 'check constraint', name: l.name });

  const exclusions = matchBy(declared.exclusions, live.exclusions, [exclusionSignature]);
  const extraExclusions = [...exclusions.extra];
  for (const x of exclusions.missing) {
    const i = extraExclusions.findIndex((l) => l.name === x.name);
    const sameNameLive = i >= 0 ? (extraExclusions.splice(i, 1)[0] ?? null) : null;
    const holder = sameNameLive ? null : ctx.names(t.schema, x.name);
    out.push({ kind: 'missing-exclusion', table: t, exclusion: x, sameNameLive, nameTakenBy: holder });
  }
  for (const [d, l] of exclusions.pairs) {
    if (d.name !== l.name) out.push({ kind: 'name-differs', table: t, objectKind: 'exclusion constraint', declared: d.name, live: l.name });
  }
  for (const l of extraExclusions) out.push({ kind: 'extra-constraint', table: t, objectKind: 'exclusion constraint', name: l.name });
}

function compareForeignKeys(ctx: TableContext): void {
  const { t, declared, live, out } = ctx;
  const fks = matchBy(declared.foreignKeys, live.foreignKeys, [foreignKeyBehaviour, foreignKeyIdentity]);
  const extra = [...fks.extra];
  for (const fk of fks.missing) {
    // A live foreign key with the declared name but another target is replaced, not skipped.
    const i = extra.findIndex((l) => l.name === fk.name);
    const l = i >= 0 ? extra.splice(i, 1)[0] : undefined;
    if (l) out.push({ kind: 'foreign-key-differs', table: t, declared: fk, live: l, aspects: foreignKeyAspects(fk, l) });
    else out.push(ctx.live.kind === 'partitioned' ? { kind: 'missing-foreign-key', table: t, foreignKey: fk, onPartitioned: true } : { kind: 'missing-foreign-key', table: t, foreignKey: fk });
  }
  for (const [d, l] of fks.pairs) {
    const aspects = foreignKeyAspects(d, l);
    if (aspects.length > 0) out.push({ kind: 'foreign-key-differs', table: t, declared: d, live: l, aspects });
    if (d.name !== l.name) out.push({ kind: 'name-differs', table: t, objectKind: 'foreign key', declared: d.name, live: l.name });
    if (d.validated && !l.validated) out.push({ kind: 'constraint-not-validated', table: t, constraint: l.name, objectKind: 'foreign key', foreignKey: l, checkExpression: null });
  }
  for (const l of extra) out.push({ kind: 'extra-constraint', table: t, objectKind: 'foreign key', name: l.name });
}

const sameTable = (a: QualifiedName, b: QualifiedName): boolean => a.schema === b.schema && a.name === b.name;

/** The partitions of a partitioned table, each with the index to build (names of our choosing) or take over for `d`, at every level. */
function partitionIndexes(ctx: TableContext, d: Index): PartitionIndexes | null {
  if (ctx.live.kind !== 'partitioned') return null;
  return { role: 'parent', children: partitionIndexChildren(ctx, ctx.t, d, new Set([relationKey(ctx.t.schema, ctx.t.name)])) };
}

function partitionIndexChildren(ctx: TableContext, parent: QualifiedName, d: Index, seen: Set<string>): PartitionIndex[] {
  const partitions = ctx.liveTables.filter((lt) => lt.partitionOf && sameTable(lt.partitionOf.parent, parent));
  return partitions.flatMap((p) => {
    const key = relationKey(p.schema, p.name);
    if (seen.has(key)) return [];
    seen.add(key);
    return [partitionIndex(ctx, p, d, seen)];
  });
}

const relationKey = (schema: string, name: string): string => `${schema}\u0000${name}`;

/**
 * A partition's part of `d`: a free valid index of the partition with the same structure is
 * attached as it is (unless the partition declares such an index of its own); otherwise one is
 * built under `<partition>_<index>`, or with a number appended when another relation holds that
 * name. An invalid free index of that structure under that very name is a leftover of an earlier
 * run: the name stays (the build drops and rebuilds it; ON ONLY keeps it and attaches to it).
 */
function partitionIndex(ctx: TableContext, p: Table, d: Index, seen: Set<string>): PartitionIndex {
  const table: QualifiedName = { schema: p.schema, name: p.name };
  const shape = indexSignature(d);
  const declared = ctx.declaredTables.find((dt) => sameTable(dt, table));
  const declaresOwn = declared ? ownIndexes(declared).some((ix) => indexSignature(ix) === shape) : false;
  const free = declaresOwn ? undefined : ownIndexes(p).find((ix) => ix.valid && indexSignature(ix) === shape && !ctx.takenNames.has(relationKey(p.schema, ix.name)));
  if (free) {
    ctx.takenNames.add(relationKey(p.schema, free.name));
    return { table, index: { ...d, name: free.name }, existing: true, children: null };
  }
  const leftover = (name: string): boolean => p.indexes.some((ix) => ix.name === name && ix.constraint === null && !ix.valid && indexSignature(ix) === shape);
  const usable = (name: string): boolean => !ctx.takenNames.has(relationKey(p.schema, name)) && (!ctx.names(p.schema, name) || leftover(name));
  const base = partitionIndexName(p.name, d.name);
  let name = base;
  for (let n = 1; !usable(name); n++) name = withSuffix(base, String(n));
  ctx.takenNames.add(relationKey(p.schema, name));
  return { table, index: { ...d, name }, existing: false, children: p.kind === 'partitioned' ? partitionIndexChildren(ctx, table, d, seen) : null };
}

/** `<partition>_<index>`, shortened to PostgreSQL's 63 bytes on a character boundary. */
function partitionIndexName(partition: string, index: string): string {
  return withSuffix(`${partition}_${index}`, '');
}

/** `name` shortened on a character boundary so that `name` + `suffix` fits PostgreSQL's 63 bytes. */
function withSuffix(name: string, suffix: string): string {
  const enc = new TextEncoder();
  let n = name;
  while (enc.encode(n + suffix).length > 63) n = [...n].slice(0, -1).join('');
  return n + suffix;
}

/** Indexes that implement constraints are compared as constraints. */
const ownIndexes = (tb: Table): Index[] => tb.indexes.filter((i) => i.constraint === null);

function compareIndexes(ctx: TableContext, indexes: Matched<Index>): void {
  const { t, out } = ctx;
  const free = new Set(ctx.freeIndexes);
  const extraByName = new Map(indexes.extra.filter((i) => free.has(i)).map((i) => [i.name, i]));
  for (const [d, l] of indexes.pairs) {
    if (!l.valid) {
      // On a partitioned table: an index built ON ONLY it whose partitions' indexes are not all attached yet
      // (an interrupted run): planned as missing, so its ON ONLY step finds it and the partitions' steps go on.
      const partitions = l.name === d.name ? partitionIndexes(ctx, d) : null;
      out.push(partitions ? { kind: 'missing-index', table: t, index: d, nameTakenBy: null, partitions } : { kind: 'invalid-index', table: t, index: l, declared: d });
      continue;
    }
    // Before a rename: the storage parameters are set on the index under its live name.
    if (!sameStorage(d, l)) out.push({ kind: 'index-differs', table: t, declared: d, live: l, aspects: ['storage'], onPartitioned: ctx.live.kind === 'partitioned' });
    if (d.name !== l.name) out.push({ kind: 'name-differs', table: t, objectKind: 'index', declared: d.name, live: l.name, index: d });
  }
  for (const d of indexes.missing) {
    const sameName = extraByName.get(d.name);
    if (sameName) {
      extraByName.delete(d.name);
      out.push({ kind: 'index-differs', table: t, declared: d, live: sameName, aspects: indexAspects(d, sameName), onPartitioned: ctx.live.kind === 'partitioned' });
    } else {
      out.push({ kind: 'missing-index', table: t, index: d, nameTakenBy: ctx.names(t.schema, d.name), partitions: partitionIndexes(ctx, d) });
    }
  }
  for (const l of extraByName.values()) out.push({ kind: 'extra-constraint', table: t, objectKind: 'index', name: l.name });
}

export interface TableComparison {
  /** Who holds relation names in the live database (all schemas, before scoping). */
  readonly names: NameLookup;
  readonly liveTables: readonly Table[];
  readonly declaredTables: readonly Table[];
}

export function compareTable(declared: Table, live: Table, context: TableComparison = { names: noNames, liveTables: [], declaredTables: [] }): Change[] {
  const t: QualifiedName = { schema: declared.schema, name: declared.name };
  const out: Change[] = [];
  // A live index named like a declared key the live table lacks is that key's to take over (USING INDEX),
  // not a twin for a declared index of the same shape under another name.
  const liveKeys = new Set([live.primaryKey?.name, ...live.uniques.map((u) => u.name)]);
  const reservedNames = new Set([declared.primaryKey?.name, ...declared.uniques.map((u) => u.name)].filter((n): n is string => n !== undefined && !liveKeys.has(n)));
  const liveOwn = ownIndexes(live);
  const reserved = liveOwn.filter((ix) => reservedNames.has(ix.name));
  const matched = matchBy(ownIndexes(declared), liveOwn.filter((ix) => !reservedNames.has(ix.name)), [indexSignature]);
  const indexes: Matched<Index> = { ...matched, extra: [...matched.extra, ...reserved] };
  const ctx: TableContext = { t, declared, live, names: context.names, liveTables: context.liveTables, declaredTables: context.declaredTables, freeIndexes: [...indexes.extra], takenNames: new Set(), out };
  compareColumns(ctx);
  compareKeys(ctx);
  compareForeignKeys(ctx);
  compareIndexes(ctx, indexes);
  return out;
}
