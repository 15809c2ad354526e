/**
 * Builds the model from raw catalog rows, grouped in memory by relation.
 * The only place that knows the raw row shapes besides `queries.ts`.
 */
import type {
  Check,
  Column,
  EnumType,
  Exclusion,
  ForeignKey,
  Index,
  IndexKey,
  MatchType,
  PrimaryKey,
  ReferentialAction,
  CoreSchema,
  Sequence,
  SequenceOptions,
  Table,
  Unique,
  View,
} from '../model/types.js';
import { createIndexSql } from '../render/ddl.js';
import type {
  CollationRow,
  ColumnRow,
  ConstraintRow,
  DeparseRow,
  EnumRow,
  ExtensionRow,
  IndexRow,
  OpclassRow,
  RelationRow,
  SequenceRow,
} from './queries.js';

export interface RawCatalog {
  readonly schemas: readonly string[];
  readonly relations: readonly RelationRow[];
  readonly columns: readonly ColumnRow[];
  readonly constraints: readonly ConstraintRow[];
  readonly indexes: readonly IndexRow[];
  readonly deparsed: readonly DeparseRow[];
  readonly opclasses: readonly OpclassRow[];
  readonly collations: readonly CollationRow[];
  readonly enums: readonly EnumRow[];
  readonly sequences: readonly SequenceRow[];
  readonly extensions: readonly ExtensionRow[];
}

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};
const MATCHES: Record<string, MatchType> = { s: 'simple', f: 'full', p: 'partial' };

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byQualified = <T extends { schema: string; name: string }>(a: T, b: T): number =>
  a.schema < b.schema ? -1 : a.schema > b.schema ? 1 : byName(a, b);

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/**
 * One string object per distinct value. The driver makes a new string for every
 * field of every row; a 10,000-table model repeats the same few type names,
 * defaults, column names and schema names tens of thousands of times.
 */
type Intern = <T extends string | null>(s: T) => T;

function interner(): Intern {
  const seen = new Map<string, string>();
  return <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const hit = seen.get(s);
    if (hit !== undefined) return hit as T;
    seen.set(s, s);
    return s;
  };
}

/** An array with no spare capacity (arrays grown by `push` keep room for 16 more). */
function exact<T>(xs: T[]): T[] {
  return xs.length === 0 ? [] : xs.slice();
}

function column(r: ColumnRow, name: string, intern: Intern, identitySequences: ReadonlyMap<string, SequenceOptions>): Column {
  const generated = r.generated === 's' || r.generated === 'v';
  const identity = r.identity === 'a' ? 'always' : r.identity === 'd' ? 'by-default' : null;
  return {
    name,
    type: intern(r.type),
    notNull: r.not_null,
    default: generated ? null : intern(r.expr),
    identity,
    identitySequence: identity ? (identitySequences.get(`${r.rel}:${r.num}`) ?? null) : null,
    generated: generated && r.expr !== null ? { expression: r.expr, kind: r.generated === 's' ? 'stored' : 'virtual' } : null,
    collation: intern(r.collation),
  };
}

function definitionOf(c: ConstraintRow, shared: Shared): string {
  return shared.deparsed.get(`c${c.oid ?? ''}`)?.definition ?? '';
}

/** Strip the `NOT VALID` suffix `pg_get_constraintdef` adds; validity is its own field. */
function checkExpression(def: string): string {
  return def.replace(/ NOT VALID$/, '').replace(/ NO INHERIT$/, '');
}

/** The columns of one relation, in `attnum` order, with lookups by `attnum` (arrays: cheaper than maps). */
interface RelationColumns {
  readonly rows: readonly ColumnRow[];
  /** Interned column name by attnum. */
  readonly names: readonly (string | undefined)[];
  /** Collation OID by attnum. */
  readonly collations: readonly (string | undefined)[];
}

const NO_COLUMNS: RelationColumns = { rows: [], names: [], collations: [] };

function relationColumns(rows: ColumnRow[], intern: Intern): RelationColumns {
  const names: string[] = [];
  const collations: string[] = [];
  let ordered = true;
  let last = 0;
  for (const r of rows) {
    if (r.num < last) ordered = false;
    last = r.num;
    names[r.num] = intern(r.name);
    collations[r.num] = r.collation_oid ?? '0';
  }
  return { rows: ordered ? rows : rows.sort((a, b) => a.num - b.num), names, collations };
}

interface Shared {
  /** Deparsed text of checks, exclusions and expression or partial indexes, by `${kind}${oid}`. */
  readonly deparsed: Map<string, DeparseRow>;
  readonly opclasses: Map<string, OpclassRow>;
  readonly collations: Map<string, string>;
  /** Columns of every relation read, by relation OID (also for referenced FK columns). */
  readonly columnsByRel: Map<string, RelationColumns>;
  /** Options of identity sequences, by `${relation OID}:${attnum}` of their column. */
  readonly identitySequences: Map<string, SequenceOptions>;
  readonly intern: Intern;
}

interface RelationContext extends Shared {
  readonly columns: RelationColumns;
  readonly table: { schema: string; name: string };
}

/** Column numbers sent as text, separated by spaces (`int2vector` output, `array_to_string`). */
function attnums(text: string | null): number[] {
  return text === null || text === '' ? [] : text.split(' ').map(Number);
}

function names(nums: string | readonly number[] | null, columns: RelationColumns): string[] {
  const list = typeof nums === 'string' || nums === null ? attnums(nums) : nums;
  return list.map((n) => columns.names[n] ?? `#${n}`);
}

/** Referenced FK columns of a table that was read with the others (the query sends names otherwise). */
function referencedNames(c: ConstraintRow, ctx: RelationContext): string[] {
  return names(c.ref_keys, ctx.columnsByRel.get(c.ref_rel ?? '') ?? NO_COLUMNS);
}

function index(r: IndexRow, ctx: RelationContext, constraintByIndex: Map<string, string>): Index {
  const cols = ctx.columns;
  const deparsed = ctx.deparsed.get(`i${r.oid}`);
  const predicate = deparsed?.predicate ?? null;
  const attnumList = attnums(r.keys);
  const optionList = attnums(r.options);
  const opclassList = r.opclasses.split(' ');
  const collationList = r.collations.split(' ');
  const keys = Array.from({ length: r.key_count }, (_, k): IndexKey => {
    const attnum = attnumList[k] ?? 0;
    const option = optionList[k] ?? 0;
    const opclass = ctx.opclasses.get(opclassList[k] ?? '');
    const collOid = collationList[k] ?? '0';
    const isColumn = attnum !== 0;
    const collation = isColumn && collOid !== '0' && collOid !== cols.collations[attnum] ? (ctx.collations.get(collOid) ?? null) : null;
    return {
      column: isColumn ? (cols.names[attnum] ?? `#${attnum}`) : null,
      expression: isColumn ? null : (deparsed?.key_defs?.[k] ?? null),
      opclass: opclass && !opclass.is_default ? opclass.name : null,
      collation,
      descending: (option & 1) !== 0,
      nullsFirst: (option & 2) !== 0,
    };
  });
  const include = attnumList.length > r.key_count ? names(attnumList.slice(r.key_count), cols) : [];
  const constraint = constraintByIndex.get(r.oid) ?? null;
  const method = ctx.intern(r.method);
  const storage = r.reloptions === null || r.reloptions.length === 0 ? [] : r.reloptions.map(ctx.intern).sort();
  return {
    name: r.name,
    method,
    unique: r.unique,
    nullsNotDistinct: r.nulls_not_distinct,
    keys,
    include,
    predicate,
    storage,
    valid: r.valid,
    constraint,
    definition:
      deparsed?.definition ??
      createIndexSql(ctx.table, { name: r.name, method, unique: r.unique, nullsNotDistinct: r.nulls_not_distinct, keys, include, predicate, storage }),
  };
}

function table(rel: RelationRow, constraintRows: readonly ConstraintRow[], indexRows: readonly IndexRow[], shared: Shared): Table {
  const intern = shared.intern;
  const schema = intern(rel.schema);
  const columns = shared.columnsByRel.get(rel.oid) ?? NO_COLUMNS;
  const ctx: RelationContext = {
    deparsed: shared.deparsed,
    opclasses: shared.opclasses,
    collations: shared.collations,
    columnsByRel: shared.columnsByRel,
    identitySequences: shared.identitySequences,
    intern,
    columns,
    table: { schema, name: rel.name },
  };
  let primaryKey: PrimaryKey | null = null;
  const foreignKeys: ForeignKey[] = [];
  const uniques: Unique[] = [];
  const checks: Check[] = [];
  const exclusions: Exclusion[] = [];
  const constraintByIndex = new Map<string, string>();
  for (const c of constraintRows) {
    if (c.index_oid !== null) constraintByIndex.set(c.index_oid, c.name);
    switch (c.type) {
      case 'p':
        primaryKey = { name: c.name, columns: names(c.keys, columns), deferrable: c.deferrable, initiallyDeferred: c.deferred };
        break;
      case 'u':
        uniques.push({
          name: c.name,
          columns: names(c.keys, columns),
          nullsNotDistinct: indexRows.find((i) => i.oid === c.index_oid)?.nulls_not_distinct ?? false,
          deferrable: c.deferrable,
          initiallyDeferred: c.deferred,
        });
        break;
      case 'f':
        foreignKeys.push({
          name: c.name,
          columns: names(c.keys, columns),
          references: { schema: intern(c.ref_schema ?? ''), name: intern(c.ref_table ?? '') },
          referencedColumns: c.ref_columns ?? referencedNames(c, ctx),
          onDelete: ACTIONS[c.on_delete ?? 'a'] ?? 'no action',
          onUpdate: ACTIONS[c.on_update ?? 'a'] ?? 'no action',
          onDeleteSetColumns: names(c.set_columns, columns),
          match: MATCHES[c.match ?? 's'] ?? 'simple',
          validated: c.validated,
          deferrable: c.deferrable,
          initiallyDeferred: c.deferred,
        });
        break;
      case 'c':
        checks.push({ name: c.name, expression: checkExpression(definitionOf(c, shared)), validated: c.validated, noInherit: c.no_inherit });
        break;
      case 'x':
        exclusions.push({ name: c.name, definition: definitionOf(c, shared), deferrable: c.deferrable, initiallyDeferred: c.deferred });
        break;
    }
  }
  const indexes = indexRows.map((r) => index(r, ctx, constraintByIndex)).sort(byName);
  return {
    schema,
    name: rel.name,
    kind: rel.kind === 'p' ? 'partitioned' : 'table',
    partitionKey: rel.partition_key,
    partitionOf:
      rel.parent_schema !== null && rel.parent_name !== null
        ? { parent: { schema: intern(rel.parent_schema), name: intern(rel.parent_name) }, bound: rel.partition_bound ?? '' }
        : null,
    columns: columns.rows.map((c) => column(c, columns.names[c.num] ?? c.name, intern, ctx.identitySequences)),
    primaryKey: primaryKey ? withIndexOptions(primaryKey, indexes) : null,
    foreignKeys: exact(foreignKeys.sort(byName)),
    uniques: exact(uniques.sort(byName).map((u) => withIndexOptions(u, indexes))),
    checks: exact(checks.sort(byName)),
    exclusions: exact(exclusions.sort(byName)),
    indexes,
  };
}

/** A key's INCLUDE columns and storage parameters, from the index that backs it (set only when not empty). */
function withIndexOptions<K extends PrimaryKey | Unique>(key: K, indexes: readonly Index[]): K {
  const ix = indexes.find((i) => i.constraint === key.name);
  if (!ix || (ix.include.length === 0 && ix.storage.length === 0)) return key;
  return { ...key, ...(ix.include.length > 0 ? { include: ix.include } : {}), ...(ix.storage.length > 0 ? { storage: ix.storage } : {}) };
}

function sequenceOptions(r: SequenceRow): SequenceOptions {
  return { type: r.type, start: r.start, increment: r.increment, min: r.min, max: r.max, cache: r.cache, cycle: r.cycle };
}

function sequence(r: SequenceRow): Sequence {
  return {
    schema: r.schema,
    name: r.name,
    type: r.type,
    start: r.start,
    increment: r.increment,
    min: r.min,
    max: r.max,
    cache: r.cache,
    cycle: r.cycle,
    ownedBy:
      r.owner_schema !== null && r.owner_table !== null && r.owner_column !== null
        ? { table: { schema: r.owner_schema, name: r.owner_table }, column: r.owner_column }
        : null,
  };
}

export function assemble(raw: RawCatalog): CoreSchema {
  const constraintsByRel = groupBy(raw.constraints, (c) => c.rel);
  const indexesByRel = groupBy(raw.indexes, (i) => i.rel);
  const intern = interner();
  const columnsByRel = new Map<string, RelationColumns>();
  for (const [rel, rows] of groupBy(raw.columns, (c) => c.rel)) columnsByRel.set(rel, relationColumns(rows, intern));
  const shared: Shared = {
    deparsed: new Map(raw.deparsed.map((d) => [`${d.kind}${d.oid}`, d])),
    opclasses: new Map(raw.opclasses.map((o) => [o.oid, o])),
    collations: new Map(raw.collations.map((c) => [c.oid, c.name])),
    columnsByRel,
    identitySequences: new Map(
      raw.sequences.flatMap((r) => (r.identity_rel !== null && r.identity_num !== null ? [[`${r.identity_rel}:${r.identity_num}`, sequenceOptions(r)] as const] : [])),
    ),
    intern,
  };
  const tables: Table[] = [];
  const views: View[] = [];
  for (const rel of raw.relations) {
    if (rel.kind === 'v' || rel.kind === 'm') {
      views.push({ schema: rel.schema, name: rel.name, materialized: rel.kind === 'm', definition: (rel.view_definition ?? '').trim() });
      continue;
    }
    tables.push(table(rel, constraintsByRel.get(rel.oid) ?? [], indexesByRel.get(rel.oid) ?? [], shared));
  }
  const enums: EnumType[] = raw.enums.map((e) => ({ schema: e.schema, name: e.name, labels: e.labels }));
  return {
    schemas: [...raw.schemas].sort(),
    tables: tables.sort(byQualified),
    enums: enums.sort(byQualified),
    sequences: raw.sequences.filter((r) => r.identity_rel === null).map(sequence).sort(byQualified),
    extensions: raw.extensions.map((e) => ({ name: e.name, schema: e.schema, version: e.version })).sort(byName),
    views: views.sort(byQualified),
  };
}
