/**
 * Random valid schemas with fast-check's `gen()`: every draw goes through fast-check,
 * so a run is reproducible from its seed (and shrinkable). Values for rows come from
 * a separate seeded PRNG (see data.ts).
 */
import fc from 'fast-check';
import { q } from './quote.js';
import type { Action, CaseSpec, CheckSpec, ColSpec, EnumSpec, FkSpec, IndexSpec, KeySpec, QName, Removal, TableSpec, TypeKind } from './spec.js';

type G = fc.GeneratorValue;

const int = (g: G, min: number, max: number): number => g(fc.integer, { min, max });
const pick = <T>(g: G, items: readonly T[]): T => items[int(g, 0, items.length - 1)] as T;
const chance = (g: G, p: number): boolean => int(g, 0, 999) < Math.round(p * 1000);
function subset<T>(g: G, items: readonly T[], min: number, max: number): T[] {
  const pool = [...items];
  const n = Math.min(pool.length, int(g, Math.min(min, pool.length), Math.min(max, pool.length)));
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(pool.splice(int(g, 0, pool.length - 1), 1)[0] as T);
  return out;
}

/** A few names that need quoting, so the property also exercises quoting (hostile names have their own suite). */
const SCHEMA_NAMES = ['app', 'billing', 'Sales', 'audit log', 'x"q', 'ünï', 'select'];
const TABLE_NAMES = ['orders', 'user', 'Items', 'line item', 'a"b', 'data', 'naïve', 'order'];
const COLUMN_NAMES = ['id', 'name', 'Value', 'group', 'a b', 'created_at', 'ref', 'état', 'x'];

/** Types whose values can be made distinct per row, so they may hold keys. */
export const KEYABLE: ReadonlySet<TypeKind> = new Set(['integer', 'bigint', 'smallint', 'text', 'varchar', 'numeric', 'uuid', 'date', 'timestamptz']);

export function isKeyable(c: ColSpec): boolean {
  if (c.generated || c.fkColumn) return false;
  if (c.kind === 'varchar') return (c.length ?? 0) >= 12;
  if (c.kind === 'numeric') return (c.precision ?? 0) - (c.scale ?? 0) >= 6;
  return KEYABLE.has(c.kind);
}

const SIMPLE_KINDS: readonly TypeKind[] = [
  'integer', 'integer', 'bigint', 'smallint', 'text', 'text', 'varchar', 'char', 'numeric', 'boolean', 'timestamptz', 'timestamp',
  'date', 'time', 'interval', 'jsonb', 'uuid', 'bytea', 'float8', 'real', 'inet', 'int[]', 'text[]',
];

const ENUM_LABELS = ['new', 'open', 'done', "it's", 'a\\b', 'Ünï', 'with space', 'x"y'];

function baseType(kind: TypeKind, g: G): Pick<ColSpec, 'sqlType' | 'length' | 'precision' | 'scale'> {
  switch (kind) {
    case 'varchar': {
      const n = pick(g, [4, 12, 40, 255]);
      return { sqlType: `varchar(${n})`, length: n };
    }
    case 'char': {
      const n = pick(g, [1, 3, 10]);
      return { sqlType: `char(${n})`, length: n };
    }
    case 'numeric': {
      const precision = pick(g, [4, 10, 12, 18]);
      const scale = pick(g, [0, 2, Math.min(3, precision - 1)]);
      return { sqlType: `numeric(${precision},${scale})`, precision, scale };
    }
    case 'float8':
      return { sqlType: 'double precision' };
    case 'int[]':
      return { sqlType: 'integer[]' };
    default:
      return { sqlType: kind };
  }
}

function defaultFor(c: ColSpec, g: G, enums: readonly EnumSpec[]): string | null {
  switch (c.kind) {
    case 'integer':
    case 'smallint':
      return pick(g, ['0', '7']);
    case 'bigint':
      return '42';
    case 'text':
      return pick(g, ["'it''s'", "E'back\\\\slash'", "'ünï'", "'d'"]);
    case 'varchar':
    case 'char':
      return "'d'";
    case 'numeric':
      return '1.5';
    case 'boolean':
      return pick(g, ['true', 'false']);
    case 'timestamptz':
      return pick(g, ['now()', 'CURRENT_TIMESTAMP', "'2020-01-01 00:00:00+00'"]);
    case 'timestamp':
      return 'LOCALTIMESTAMP';
    case 'date':
      return 'CURRENT_DATE';
    case 'jsonb':
      return `'{"k": 1}'::jsonb`;
    case 'uuid':
      return 'gen_random_uuid()';
    case 'interval':
      return "'1 day'";
    case 'int[]':
      return "'{}'::integer[]";
    case 'text[]':
      return "ARRAY['x']::text[]";
    case 'enum': {
      const e = enums.find((x) => x.schema === c.enumRef?.schema && x.name === c.enumRef?.name);
      return e ? `'${(e.labels[0] ?? '').replaceAll("'", "''")}'` : null;
    }
    default:
      return null;
  }
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  taken.add(name);
  return name;
}

/** A check every generated value (and every default) satisfies. */
function checkPredicate(c: ColSpec): string | null {
  const n = q(c.name);
  switch (c.kind) {
    case 'integer':
    case 'bigint':
    case 'smallint':
    case 'numeric':
    case 'float8':
    case 'real':
      return `${n} >= 0`;
    case 'text':
    case 'varchar':
      return `${n} <> ''`;
    case 'date':
      return `${n} > '1900-01-01'`;
    case 'timestamptz':
      return `${n} > '1900-01-01 00:00:00+00'`;
    case 'jsonb':
      return `jsonb_typeof(${n}) = 'object'`;
    case 'int[]':
    case 'text[]':
      return `cardinality(${n}) >= 0`;
    default:
      return null;
  }
}

interface Ctx {
  g: G;
  v: number;
  names: Set<string>; // index and constraint names, unique in the whole case
  counter: number;
}

const objName = (ctx: Ctx, prefix: string): string => uniqueName(`${prefix}${ctx.counter++}`, ctx.names);

function genColumns(ctx: Ctx, enums: readonly EnumSpec[]): ColSpec[] {
  const { g } = ctx;
  const taken = new Set<string>();
  const count = int(g, 1, 6);
  const cols: ColSpec[] = [];
  for (let i = 0; i < count; i++) {
    const name = uniqueName(chance(g, 0.3) ? pick(g, COLUMN_NAMES) : `c${i}`, taken);
    let kind: TypeKind = pick(g, SIMPLE_KINDS);
    let enumRef: QName | undefined;
    if (enums.length > 0 && chance(g, 0.15)) {
      const e = pick(g, enums);
      enumRef = { schema: e.schema, name: e.name };
      kind = chance(g, 0.7) ? 'enum' : 'enum[]';
    }
    const t = enumRef ? { sqlType: `${q(enumRef.schema)}.${q(enumRef.name)}${kind === 'enum[]' ? '[]' : ''}` } : baseType(kind, g);
    const col: ColSpec = { name, kind, ...t, ...(enumRef ? { enumRef } : {}), notNull: false, default: null, identity: null, serial: false, generated: null, fkColumn: false };
    const integral = kind === 'integer' || kind === 'bigint' || kind === 'smallint';
    const roll = int(g, 0, 99);
    if (integral && roll < 12) {
      col.identity = chance(g, 0.5) ? 'always' : 'by default';
      col.notNull = true;
    } else if ((kind === 'integer' || kind === 'bigint') && roll < 20) {
      col.serial = true;
      col.sqlType = kind === 'integer' ? 'serial' : 'bigserial';
      col.notNull = true;
    } else {
      col.notNull = chance(g, 0.35);
      if (chance(g, 0.35)) col.default = defaultFor(col, g, enums);
    }
    cols.push(col);
  }
  // Generated columns over a plain integer or text column (possibly one declared after it).
  const bases = cols.filter((c) => !c.identity && !c.serial && (c.kind === 'integer' || c.kind === 'text'));
  if (bases.length > 0 && chance(g, 0.3)) {
    const base = pick(g, bases);
    const virtual = ctx.v >= 180000 && chance(g, 0.3);
    const expression = base.kind === 'integer' ? `(${q(base.name)} * 2)` : `lower(${q(base.name)})`;
    const gen: ColSpec = {
      name: uniqueName('gen', taken),
      kind: base.kind,
      sqlType: base.kind,
      notNull: false,
      default: null,
      identity: null,
      serial: false,
      generated: { expression, deps: [base.name], kind: virtual ? 'virtual' : 'stored' },
      fkColumn: false,
    };
    cols.splice(int(g, 0, cols.length), 0, gen);
  }
  return cols;
}

function genKey(ctx: Ctx, t: TableSpec, prefix: string, maxCols: number, used: Set<string>): KeySpec | null {
  const { g } = ctx;
  const candidates = t.columns.filter(isKeyable);
  if (candidates.length === 0) return null;
  const columns = subset(g, candidates, 1, maxCols).map((c) => c.name);
  const sig = JSON.stringify([...columns].sort());
  // Occasionally allow an exact duplicate (PostgreSQL allows it; matching must pair them right).
  if (used.has(sig) && !chance(g, 0.1)) return null;
  used.add(sig);
  const deferrable = chance(g, 0.2);
  return {
    name: objName(ctx, prefix),
    columns,
    deferrable,
    initiallyDeferred: deferrable && chance(g, 0.5),
    nullsNotDistinct: ctx.v >= 150000 && prefix === 'uq' && chance(g, 0.2),
  };
}

function genChecks(ctx: Ctx, t: TableSpec): CheckSpec[] {
  const { g } = ctx;
  const candidates = t.columns.filter((c) => c.generated?.kind !== 'virtual' && !c.fkColumn && checkPredicate(c) !== null);
  const out: CheckSpec[] = [];
  const n = int(g, 0, 2);
  for (let i = 0; i < n && candidates.length > 0; i++) {
    const cols = subset(g, candidates, 1, 2);
    out.push({ name: objName(ctx, 'ck'), expression: cols.map((c) => checkPredicate(c)).join(' AND '), deps: cols.map((c) => c.name) });
  }
  return out;
}

function keyPart(g: G, c: ColSpec): string {
  let s = q(c.name);
  if (chance(g, 0.2)) s += ' DESC';
  if (chance(g, 0.15)) s += chance(g, 0.5) ? ' NULLS FIRST' : ' NULLS LAST';
  return s;
}

function genIndexes(ctx: Ctx, t: TableSpec): IndexSpec[] {
  const { g } = ctx;
  const indexable = t.columns.filter((c) => c.generated?.kind !== 'virtual');
  const out: IndexSpec[] = [];
  const n = int(g, 0, 3);
  for (let i = 0; i < n && indexable.length > 0; i++) {
    const kind = int(g, 0, 9);
    const name = objName(ctx, 'ix');
    const partial = (c: ColSpec): string => (c.kind === 'integer' ? `${q(c.name)} >= 10` : `${q(c.name)} IS NOT NULL`);
    if (kind <= 2) {
      // btree on one to three columns, maybe INCLUDE, maybe partial
      const cols = subset(g, indexable, 1, 3);
      const rest = indexable.filter((c) => !cols.includes(c));
      const include = rest.length > 0 && chance(g, 0.2) ? [pick(g, rest)] : [];
      const where = chance(g, 0.25) ? pick(g, indexable) : null;
      let body = `USING btree (${cols.map((c) => keyPart(g, c)).join(', ')})`;
      if (include.length > 0) body += ` INCLUDE (${include.map((c) => q(c.name)).join(', ')})`;
      if (where) body += ` WHERE ${partial(where)}`;
      out.push({ name, body, unique: false, deps: [...cols, ...include, ...(where ? [where] : [])].map((c) => c.name) });
    } else if (kind === 3) {
      const keys = t.columns.filter(isKeyable);
      if (keys.length === 0) continue;
      const cols = subset(g, keys, 1, 2);
      const where = chance(g, 0.3) ? pick(g, indexable) : null;
      const nnd = ctx.v >= 150000 && chance(g, 0.2) ? ' NULLS NOT DISTINCT' : '';
      out.push({
        name,
        body: `USING btree (${cols.map((c) => keyPart(g, c)).join(', ')})${nnd}${where ? ` WHERE ${partial(where)}` : ''}`,
        unique: true,
        deps: [...cols, ...(where ? [where] : [])].map((c) => c.name),
      });
    } else if (kind === 4) {
      // expression index
      const texts = indexable.filter((c) => c.kind === 'text' || c.kind === 'varchar');
      const ints = indexable.filter((c) => c.kind === 'integer' || c.kind === 'bigint');
      const jsons = indexable.filter((c) => c.kind === 'jsonb');
      const options: [string, ColSpec][] = [
        ...texts.map((c): [string, ColSpec] => [`lower(${q(c.name)})`, c]),
        ...ints.map((c): [string, ColSpec] => [`(${q(c.name)} + 1)`, c]),
        ...jsons.map((c): [string, ColSpec] => [`(${q(c.name)} ->> 'k')`, c]),
      ];
      if (options.length === 0) continue;
      const [expr, c] = pick(g, options);
      const other = indexable.filter((x) => x !== c);
      const extra = other.length > 0 && chance(g, 0.3) ? pick(g, other) : null;
      out.push({ name, body: `USING btree ((${expr})${extra ? `, ${q(extra.name)}` : ''})`, unique: false, deps: [c.name, ...(extra ? [extra.name] : [])] });
    } else if (kind === 5) {
      const cols = indexable.filter((c) => ['integer', 'text', 'uuid', 'date', 'bigint'].includes(c.kind));
      if (cols.length === 0) continue;
      const c = pick(g, cols);
      out.push({ name, body: `USING hash (${q(c.name)})`, unique: false, deps: [c.name] });
    } else if (kind === 6) {
      const cols = indexable.filter((c) => ['jsonb', 'int[]', 'text[]'].includes(c.kind));
      if (cols.length === 0) continue;
      const c = pick(g, cols);
      const opclass = c.kind === 'jsonb' && chance(g, 0.5) ? ' jsonb_path_ops' : '';
      out.push({ name, body: `USING gin (${q(c.name)}${opclass})`, unique: false, deps: [c.name] });
    } else if (kind === 7) {
      const cols = indexable.filter((c) => ['integer', 'date', 'timestamptz', 'bigint'].includes(c.kind));
      if (cols.length === 0) continue;
      const c = pick(g, cols);
      out.push({ name, body: `USING brin (${q(c.name)})`, unique: false, deps: [c.name] });
    } else if (kind === 8) {
      const cols = indexable.filter((c) => c.kind === 'text' || c.kind === 'varchar');
      if (cols.length === 0) continue;
      const c = pick(g, cols);
      out.push({ name, body: `USING btree (${q(c.name)} ${c.kind === 'text' ? 'text_pattern_ops' : 'varchar_pattern_ops'})`, unique: false, deps: [c.name] });
    } else {
      // an exact duplicate of an earlier index, under another name
      const prev = out.find((x) => !x.unique);
      if (!prev) continue;
      out.push({ ...prev, name });
    }
  }
  return out;
}

/** A plain unique index on one or two key columns, made before the foreign keys so they may reference it. */
function genFkTargetIndex(ctx: Ctx, t: TableSpec): IndexSpec | null {
  const keys = t.columns.filter(isKeyable);
  if (keys.length === 0) return null;
  const cols = subset(ctx.g, keys, 1, 2).map((c) => c.name);
  return { name: objName(ctx, 'ux'), body: `USING btree (${cols.map(q).join(', ')})`, unique: true, deps: cols, fkTarget: true };
}

const PART_KINDS: readonly TypeKind[] = ['integer', 'text', 'numeric', 'boolean', 'timestamptz', 'jsonb', 'date'];

/** A RANGE (integer key) or LIST (text key) partitioned table with one to three partitions and a few indexes on the parent. */
function genPartitioned(ctx: Ctx, schema: string, name: string, enums: readonly EnumSpec[], taken: Set<string>): TableSpec[] {
  const { g } = ctx;
  const strategy = chance(g, 0.5) ? 'RANGE' : 'LIST';
  const key: ColSpec = { name: 'k', kind: strategy === 'RANGE' ? 'integer' : 'text', sqlType: strategy === 'RANGE' ? 'integer' : 'text', notNull: true, default: null, identity: null, serial: false, generated: null, fkColumn: false };
  const columns: ColSpec[] = [key];
  const n = int(g, 1, 3);
  for (let i = 0; i < n; i++) {
    const kind = pick(g, PART_KINDS);
    const col: ColSpec = { name: `c${i}`, kind, ...baseType(kind, g), notNull: chance(g, 0.3), default: null, identity: null, serial: false, generated: null, fkColumn: false };
    if (chance(g, 0.4)) col.default = defaultFor(col, g, enums);
    columns.push(col);
  }
  const parent: TableSpec = { schema, name, columns, pk: null, uniques: [], checks: [], indexes: [], fks: [], rows: chance(g, 0.2) ? 0 : int(g, 1, 8), partitioning: { strategy, key: 'k' } };
  const indexable = columns.filter((c) => c.kind !== 'jsonb');
  const ixCount = int(g, 1, 2);
  for (let i = 0; i < ixCount; i++) {
    const cols = subset(g, indexable, 1, 2);
    parent.indexes.push({ name: objName(ctx, 'pix'), body: `USING btree (${cols.map((c) => q(c.name)).join(', ')})`, unique: false, deps: cols.map((c) => c.name) });
  }
  const parts: TableSpec[] = [];
  const count = int(g, 1, 3);
  const LIST_VALUES = [['a', 'b'], ['c'], ['d', "e'f"]];
  for (let i = 0; i < count; i++) {
    const values = strategy === 'RANGE' ? [String(i * 100), String((i + 1) * 100)] : (LIST_VALUES[i] ?? ['z']);
    const bound = strategy === 'RANGE' ? `FROM (${values[0]}) TO (${values[1]})` : `IN (${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`;
    parts.push({
      schema,
      name: uniqueName(`${name}_p${i}`, taken),
      columns: columns.map((c) => ({ ...c })),
      pk: null,
      uniques: [],
      checks: [],
      indexes: [],
      fks: [],
      rows: 0,
      partitionOf: { parent: { schema, name }, bound, values },
    });
  }
  return [parent, ...parts];
}

const ACTIONS: readonly Action[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];

function fkColumnType(c: ColSpec): Pick<ColSpec, 'kind' | 'sqlType' | 'length' | 'precision' | 'scale'> {
  const sqlType = c.serial ? (c.kind === 'bigint' ? 'bigint' : 'integer') : c.sqlType;
  return { kind: c.kind, sqlType, ...(c.length !== undefined ? { length: c.length } : {}), ...(c.precision !== undefined ? { precision: c.precision, scale: c.scale ?? 0 } : {}) };
}

/**
 * The key a foreign key depends on, as PostgreSQL picks it: the first (oldest)
 * immediate unique index without predicate whose columns are the referenced set.
 * Here: the primary key (made with the table), then the uniques in order.
 */
function referencedKey(t: TableSpec, columns: readonly string[]): string {
  const set = JSON.stringify([...columns].sort());
  const keys = [...(t.pk ? [t.pk] : []), ...t.uniques, ...t.indexes.filter((ix) => ix.fkTarget).map((ix) => ({ name: ix.name, columns: ix.deps, deferrable: false }))];
  const found = keys.find((k) => !k.deferrable && JSON.stringify([...k.columns].sort()) === set);
  if (!found) throw new Error('no referenced key');
  return found.name;
}

function genForeignKeys(ctx: Ctx, tables: TableSpec[]): void {
  const { g } = ctx;
  // Referenced keys must be immediate; NULLS NOT DISTINCT ones are left out for simplicity.
  const usable = (k: KeySpec): boolean => !k.deferrable && !k.nullsNotDistinct;
  const targets = tables.flatMap((t) => [
    ...(t.pk && usable(t.pk) ? [{ t, key: { columns: t.pk.columns } }] : []),
    ...t.uniques.filter(usable).map((key) => ({ t, key: { columns: key.columns } })),
    // Plain unique indexes are keys a foreign key can reference too.
    ...t.indexes.filter((ix) => ix.fkTarget).map((ix) => ({ t, key: { columns: ix.deps } })),
  ]);
  if (targets.length === 0 || tables.length === 0) return;
  const n = int(g, 0, Math.min(4, tables.length + 1));
  for (let i = 0; i < n; i++) {
    const child = pick(g, tables);
    const { t: target, key } = pick(g, targets);
    const name = objName(ctx, 'fk');
    const taken = new Set(child.columns.map((c) => c.name));
    const columns: string[] = [];
    key.columns.forEach((kc, j) => {
      const tc = target.columns.find((c) => c.name === kc);
      if (!tc) throw new Error(`key column ${kc} not found`);
      const colName = uniqueName(`${name}_${j}`, taken);
      child.columns.push({ name: colName, ...fkColumnType(tc), notNull: false, default: null, identity: null, serial: false, generated: null, fkColumn: true });
      columns.push(colName);
    });
    const onDelete = pick(g, ACTIONS);
    const deferrable = chance(g, 0.3);
    const setColumns = ctx.v >= 150000 && columns.length > 1 && (onDelete === 'SET NULL' || onDelete === 'SET DEFAULT') && chance(g, 0.5) ? [columns[0] as string] : [];
    const fk: FkSpec = {
      name,
      columns,
      target: { schema: target.schema, name: target.name },
      targetColumns: [...key.columns],
      targetKey: referencedKey(target, key.columns),
      onDelete,
      onUpdate: pick(g, ACTIONS),
      setColumns,
      match: chance(g, 0.25) ? 'FULL' : 'SIMPLE',
      deferrable,
      initiallyDeferred: deferrable && chance(g, 0.5),
    };
    child.fks.push(fk);
  }
}

/** A different check on the same columns that every row still satisfies. */
const otherCheck = (c: CheckSpec): string => c.deps.map((d) => `(${q(d)} IS NULL OR ${q(d)} IS NOT NULL)`).join(' AND ');

function otherAction(g: G, a: Action): Action {
  return pick(g, (['NO ACTION', 'RESTRICT', 'CASCADE'] as const).filter((x) => x !== a));
}

function genRemovals(g: G, spec: Omit<CaseSpec, 'removals'>): Removal[] {
  const cands: Removal[] = [];
  const plain = (t: TableSpec): boolean => !t.partitioning && !t.partitionOf;
  for (const s of spec.schemas) cands.push({ op: 'drop-schema', schema: s });
  for (const e of spec.enums) cands.push({ op: 'drop-enum', enum: { schema: e.schema, name: e.name } });
  for (const t of spec.tables) {
    const table = { schema: t.schema, name: t.name };
    if (t.partitionOf) continue;
    if (t.partitioning) {
      // A column on the parent (and with it, on every partition), an index on the parent.
      for (const c of t.columns) if (c.name !== t.partitioning.key) cands.push({ op: 'drop-column', table, column: c.name });
      for (const ix of t.indexes) cands.push({ op: 'drop-index', table, name: ix.name });
      continue;
    }
    cands.push({ op: 'drop-table', table });
    for (const c of t.columns) {
      cands.push({ op: 'drop-column', table, column: c.name });
      if (c.notNull && !c.identity && !c.serial && !(t.pk?.columns.includes(c.name) ?? false)) cands.push({ op: 'drop-not-null', table, column: c.name });
      if (c.default !== null || c.serial) cands.push({ op: 'drop-default', table, column: c.name });
      if (c.identity) {
        cands.push({ op: 'identity-flip', table, column: c.name, to: c.identity === 'always' ? 'by default' : 'always' });
        if (c.kind !== 'smallint') cands.push({ op: 'identity-to-serial', table, column: c.name });
      }
      if (c.serial) cands.push({ op: 'serial-to-identity', table, column: c.name });
    }
    for (const fk of t.fks) {
      cands.push({ op: 'drop-fk', table, name: fk.name });
      const onDelete = otherAction(g, fk.onDelete);
      const sql =
        `ALTER TABLE ${q(t.schema)}.${q(t.name)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${fk.columns.map(q).join(', ')}) REFERENCES ${q(fk.target.schema)}.${q(fk.target.name)} (${fk.targetColumns.map(q).join(', ')})` +
        ` MATCH ${fk.match} ON DELETE ${onDelete} ON UPDATE ${fk.onUpdate === 'SET NULL' || fk.onUpdate === 'SET DEFAULT' ? 'NO ACTION' : fk.onUpdate};`;
      cands.push({ op: 'fk-redefined', table, name: fk.name, sql });
    }
    if (t.pk) {
      cands.push({ op: 'drop-pk', table, name: t.pk.name });
      cands.push({ op: 'key-to-index', table, name: t.pk.name, key: 'pk', columns: t.pk.columns, nullsNotDistinct: false });
    }
    for (const u of t.uniques) {
      cands.push({ op: 'drop-unique', table, name: u.name });
      cands.push({ op: 'key-to-index', table, name: u.name, key: 'unique', columns: u.columns, nullsNotDistinct: u.nullsNotDistinct });
    }
    for (const c of t.checks) {
      cands.push({ op: 'drop-check', table, name: c.name });
      cands.push({ op: 'check-redefined', table, name: c.name, expression: otherCheck(c) });
    }
    for (const ix of t.indexes) {
      cands.push({ op: 'drop-index', table, name: ix.name });
      const others = spec.tables.filter((o) => plain(o) && o.schema === t.schema && o.name !== t.name && o.columns.some((c) => c.generated?.kind !== 'virtual'));
      if (others.length > 0) {
        const other = pick(g, others);
        const col = other.columns.find((c) => c.generated?.kind !== 'virtual') as ColSpec;
        cands.push({ op: 'index-name-elsewhere', table, name: ix.name, other: { schema: other.schema, name: other.name }, column: col.name });
      }
    }
  }
  // Whole schemas and tables less often than the parts.
  const weight = (r: Removal): number => (r.op === 'drop-schema' ? 1 : r.op === 'drop-table' || r.op === 'drop-enum' ? 2 : 4);
  const weighted = cands.flatMap((r) => Array.from({ length: weight(r) }, () => r));
  const n = int(g, 1, 4);
  const out: Removal[] = [];
  for (let i = 0; i < n && weighted.length > 0; i++) {
    const r = pick(g, weighted);
    if (!out.includes(r)) out.push(r);
  }
  return out;
}

export function caseArbitrary(serverVersion: number): fc.Arbitrary<CaseSpec> {
  return fc.gen().map((g) => generateCase(g, serverVersion));
}

export function generateCase(g: G, serverVersion: number): CaseSpec {
  const ctx: Ctx = { g, v: serverVersion, names: new Set(), counter: 0 };
  const schemas = subset(g, SCHEMA_NAMES, 1, 3);
  const enums: EnumSpec[] = [];
  const enumCount = int(g, 0, 2);
  for (let i = 0; i < enumCount; i++) {
    enums.push({ schema: pick(g, schemas), name: `mood${i}`, labels: subset(g, ENUM_LABELS, 1, 4) });
  }
  const tables: TableSpec[] = [];
  const tableCount = int(g, 1, 4);
  const tableNames = new Map<string, Set<string>>();
  for (let i = 0; i < tableCount; i++) {
    const schema = pick(g, schemas);
    const taken = tableNames.get(schema) ?? new Set<string>();
    tableNames.set(schema, taken);
    const name = uniqueName(chance(g, 0.4) ? pick(g, TABLE_NAMES) : `t${i}`, taken);
    const t: TableSpec = { schema, name, columns: genColumns(ctx, enums), pk: null, uniques: [], checks: [], indexes: [], fks: [], rows: 0 };
    const keySigs = new Set<string>();
    if (chance(g, 0.75)) {
      t.pk = genKey(ctx, t, 'pk', 2, keySigs);
      if (t.pk) {
        for (const c of t.columns) if (t.pk.columns.includes(c.name)) c.notNull = true;
        // A deferrable PK cannot be referenced by a foreign key: keep most PKs immediate.
        if (t.pk.deferrable && chance(g, 0.5)) t.pk = { ...t.pk, deferrable: false, initiallyDeferred: false };
      }
    }
    const uniqueCount = int(g, 0, 2);
    for (let u = 0; u < uniqueCount; u++) {
      const k = genKey(ctx, t, 'uq', 2, keySigs);
      if (k) t.uniques.push(k);
    }
    if (chance(g, 0.35)) {
      const ix = genFkTargetIndex(ctx, t);
      if (ix) t.indexes.push(ix);
    }
    tables.push(t);
  }
  genForeignKeys(ctx, tables);
  for (const t of tables) {
    t.checks = genChecks(ctx, t);
    t.indexes = [...t.indexes, ...genIndexes(ctx, t)];
    t.rows = chance(g, 0.25) ? 0 : int(g, 1, 6);
  }
  if (chance(g, 0.3)) {
    const schema = pick(g, schemas);
    const taken = tableNames.get(schema) ?? new Set<string>();
    tableNames.set(schema, taken);
    tables.push(...genPartitioned(ctx, schema, uniqueName('parted', taken), enums, taken));
  }
  const dataSeed = int(g, 0, 0x7fffffff);
  const base = { schemas, enums, tables, dataSeed, serverVersion };
  return { ...base, removals: genRemovals(g, base) };
}
