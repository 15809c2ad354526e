/**
 * The oracle: what removing objects from the live side does (PostgreSQL's CASCADE
 * rules, modelled independently of the code under test), which removals a repair
 * can undo without the lost data, and the change each removed object must be
 * reported as.
 */
import { isInformational, type Change } from '../../src/diff/changes.js';
import { keyColumns } from './ddl.js';
import { lit, q, qn } from './quote.js';
import { qk, type CaseSpec, type ColSpec, type QName, type Removal, type TableSpec } from './spec.js';

interface State {
  schemas: Set<string>;
  tables: Set<string>;
  enums: Set<string>;
  /** `qk(table) + column` */
  columns: Set<string>;
  /** `qk(table) + name`: foreign keys, keys, checks, indexes */
  objects: Set<string>;
  notNullDropped: Set<string>;
  defaultDropped: Set<string>;
  /** `objKey`: a check or foreign key the live side holds under its name with another definition. */
  redefined: Set<string>;
  /** `colKey`: a column whose identity (or serial) was changed on the live side. */
  identityChanged: Set<string>;
  /** The live side holds an index under a declared index's name on another table (repair needs hazard `rename`). */
  nameMovedAside: boolean;
}

const colKey = (t: QName, c: string): string => `${qk(t)}\u0000${c}`;
const objKey = (t: QName, n: string): string => `${qk(t)}\u0001${n}`;

function clone(s: State): State {
  return {
    schemas: new Set(s.schemas),
    tables: new Set(s.tables),
    enums: new Set(s.enums),
    columns: new Set(s.columns),
    objects: new Set(s.objects),
    notNullDropped: new Set(s.notNullDropped),
    defaultDropped: new Set(s.defaultDropped),
    redefined: new Set(s.redefined),
    identityChanged: new Set(s.identityChanged),
    nameMovedAside: s.nameMovedAside,
  };
}

function empty(): State {
  return {
    schemas: new Set(),
    tables: new Set(),
    enums: new Set(),
    columns: new Set(),
    objects: new Set(),
    notNullDropped: new Set(),
    defaultDropped: new Set(),
    redefined: new Set(),
    identityChanged: new Set(),
    nameMovedAside: false,
  };
}

/** Apply PostgreSQL's CASCADE until nothing more falls. */
function propagate(spec: CaseSpec, s: State): void {
  for (let changed = true; changed; ) {
    changed = false;
    const add = (set: Set<string>, k: string): void => {
      if (!set.has(k)) {
        set.add(k);
        changed = true;
      }
    };
    for (const t of spec.tables) if (s.schemas.has(t.schema)) add(s.tables, qk(t));
    for (const e of spec.enums) if (s.schemas.has(e.schema)) add(s.enums, qk(e));
    for (const t of spec.tables) {
      const tableGone = s.tables.has(qk(t));
      // A column dropped from a partitioned table is dropped from its partitions.
      const parent = t.partitionOf?.parent;
      if (parent && !tableGone) for (const c of t.columns) if (s.columns.has(colKey(parent, c.name))) add(s.columns, colKey(t, c.name));
      const colGone = (c: string): boolean => tableGone || s.columns.has(colKey(t, c));
      for (const c of t.columns) {
        if (tableGone) continue;
        if (c.enumRef && s.enums.has(qk(c.enumRef))) add(s.columns, colKey(t, c.name));
        if (c.generated && c.generated.deps.some(colGone)) add(s.columns, colKey(t, c.name));
      }
      const keyGone = (deps: readonly string[]): boolean => tableGone || deps.some(colGone);
      if (t.pk && keyGone(t.pk.columns)) add(s.objects, objKey(t, t.pk.name));
      for (const u of t.uniques) if (keyGone(u.columns)) add(s.objects, objKey(t, u.name));
      for (const c of t.checks) if (keyGone(c.deps)) add(s.objects, objKey(t, c.name));
      for (const ix of t.indexes) if (keyGone(ix.deps)) add(s.objects, objKey(t, ix.name));
      for (const fk of t.fks) {
        if (keyGone(fk.columns) || s.tables.has(qk(fk.target)) || s.objects.has(objKey(fk.target, fk.targetKey))) add(s.objects, objKey(t, fk.name));
      }
    }
  }
}

function removalSql(r: Removal): string {
  switch (r.op) {
    case 'drop-schema':
      return `DROP SCHEMA ${q(r.schema)} CASCADE;`;
    case 'drop-table':
      return `DROP TABLE ${qn(r.table)} CASCADE;`;
    case 'drop-enum':
      return `DROP TYPE ${qn(r.enum)} CASCADE;`;
    case 'drop-column':
      return `ALTER TABLE ${qn(r.table)} DROP COLUMN ${q(r.column)} CASCADE;`;
    case 'drop-fk':
    case 'drop-pk':
    case 'drop-unique':
    case 'drop-check':
      return `ALTER TABLE ${qn(r.table)} DROP CONSTRAINT ${q(r.name)} CASCADE;`;
    case 'drop-index':
      // CASCADE: a unique index may be what foreign keys reference.
      return `DROP INDEX ${q(r.table.schema)}.${q(r.name)} CASCADE;`;
    case 'drop-not-null':
      return `ALTER TABLE ${qn(r.table)} ALTER COLUMN ${q(r.column)} DROP NOT NULL;`;
    case 'drop-default':
      return `ALTER TABLE ${qn(r.table)} ALTER COLUMN ${q(r.column)} DROP DEFAULT;`;
    case 'key-to-index':
      return (
        `ALTER TABLE ${qn(r.table)} DROP CONSTRAINT ${q(r.name)} CASCADE; ` +
        `CREATE UNIQUE INDEX ${q(r.name)} ON ${qn(r.table)} (${r.columns.map(q).join(', ')})${r.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''};`
      );
    case 'check-redefined':
      return `ALTER TABLE ${qn(r.table)} DROP CONSTRAINT ${q(r.name)}; ALTER TABLE ${qn(r.table)} ADD CONSTRAINT ${q(r.name)} CHECK (${r.expression});`;
    case 'fk-redefined':
      return `ALTER TABLE ${qn(r.table)} DROP CONSTRAINT ${q(r.name)}; ${r.sql}`;
    case 'index-name-elsewhere':
      return `DROP INDEX ${q(r.table.schema)}.${q(r.name)} CASCADE; CREATE INDEX ${q(r.name)} ON ${qn(r.other)} (${q(r.column)});`;
    case 'identity-flip':
      return `ALTER TABLE ${qn(r.table)} ALTER COLUMN ${q(r.column)} SET GENERATED ${r.to.toUpperCase()};`;
    case 'identity-to-serial': {
      const seq = qn({ schema: r.table.schema, name: `${r.table.name}_${r.column}_seq` });
      return (
        `ALTER TABLE ${qn(r.table)} ALTER COLUMN ${q(r.column)} DROP IDENTITY; CREATE SEQUENCE ${seq} OWNED BY ${qn(r.table)}.${q(r.column)}; ` +
        `ALTER TABLE ${qn(r.table)} ALTER COLUMN ${q(r.column)} SET DEFAULT nextval(${lit(seq)}::regclass); ` +
        `SELECT setval(${lit(seq)}::regclass, coalesce(max(${q(r.column)}), 0) + 1, false) FROM ${qn(r.table)};`
      );
    }
    case 'serial-to-identity':
      return (
        `ALTER TABLE ${qn(r.table)} ALTER COLUMN ${q(r.column)} DROP DEFAULT; ` +
        `DO $do$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_get_serial_sequence(${lit(qn(r.table))}, ${lit(r.column)}); END $do$; ` +
        `ALTER TABLE ${qn(r.table)} ALTER COLUMN ${q(r.column)} ADD GENERATED BY DEFAULT AS IDENTITY;`
      );
  }
}

/** Mark the removal's own object gone (before the cascade). False when it is gone already. */
function mark(r: Removal, s: State): boolean {
  const fresh = (set: Set<string>, k: string): boolean => {
    if (set.has(k)) return false;
    set.add(k);
    return true;
  };
  switch (r.op) {
    case 'drop-schema':
      return fresh(s.schemas, r.schema);
    case 'drop-table':
      return fresh(s.tables, qk(r.table));
    case 'drop-enum':
      return fresh(s.enums, qk(r.enum));
    case 'drop-column':
      return !s.tables.has(qk(r.table)) && fresh(s.columns, colKey(r.table, r.column));
    case 'drop-fk':
    case 'drop-pk':
    case 'drop-unique':
    case 'drop-check':
    case 'drop-index':
      return !s.tables.has(qk(r.table)) && fresh(s.objects, objKey(r.table, r.name));
    case 'drop-not-null':
      return !s.tables.has(qk(r.table)) && !s.columns.has(colKey(r.table, r.column)) && fresh(s.notNullDropped, colKey(r.table, r.column));
    case 'drop-default':
      return !s.tables.has(qk(r.table)) && !s.columns.has(colKey(r.table, r.column)) && !s.identityChanged.has(colKey(r.table, r.column)) && fresh(s.defaultDropped, colKey(r.table, r.column));
    case 'key-to-index':
      return !s.tables.has(qk(r.table)) && fresh(s.objects, objKey(r.table, r.name));
    case 'index-name-elsewhere': {
      const ok = !s.tables.has(qk(r.table)) && !s.tables.has(qk(r.other)) && !s.columns.has(colKey(r.other, r.column)) && !s.objects.has(objKey(r.table, r.name));
      if (!ok) return false;
      s.objects.add(objKey(r.table, r.name));
      s.nameMovedAside = true;
      return true;
    }
    case 'check-redefined':
    case 'fk-redefined':
      return !s.tables.has(qk(r.table)) && !s.objects.has(objKey(r.table, r.name)) && fresh(s.redefined, objKey(r.table, r.name));
    case 'identity-flip':
    case 'identity-to-serial':
    case 'serial-to-identity': {
      const ck = colKey(r.table, r.column);
      return !s.tables.has(qk(r.table)) && !s.columns.has(ck) && !s.defaultDropped.has(ck) && fresh(s.identityChanged, ck);
    }
  }
}

/**
 * Whether the repair can undo the new state without the data it lost: a table with
 * rows that others reference must keep its rows; a column of a table with rows must
 * come back valid when re-added (nullable or defaulted, not part of a key, not half
 * of a MATCH FULL foreign key).
 */
function repairable(spec: CaseSpec, before: State, after: State): boolean {
  for (const t of spec.tables) {
    const k = qk(t);
    if (after.tables.has(k) && !before.tables.has(k) && t.rows > 0) {
      const referencedWithRows = spec.tables.some((c) => qk(c) !== k && c.rows > 0 && !after.tables.has(qk(c)) && c.fks.some((fk) => qk(fk.target) === k));
      if (referencedWithRows) return false;
    }
    if (after.tables.has(k) || t.rows === 0) continue;
    const keys = keyColumns(t);
    for (const c of t.columns) {
      const ck = colKey(t, c.name);
      if (!after.columns.has(ck) || before.columns.has(ck)) continue;
      if (keys.has(c.name)) return false;
      if (c.notNull && c.default === null && !c.identity && !c.serial && !c.generated) return false;
      if (t.fks.some((fk) => fk.match === 'FULL' && fk.columns.length > 1 && fk.columns.includes(c.name))) return false;
    }
  }
  return true;
}

export interface RemovalPlan {
  /** The removals that were kept, as SQL, in order. */
  readonly sql: string[];
  readonly kept: Removal[];
  /** The change keys compare() must report, sorted. */
  readonly expected: string[];
  /** Tables left on the live side and the columns each still has (for row checksums). */
  readonly survivors: { table: TableSpec; columns: ColSpec[] }[];
  /** A declared index name is held by an index on another table: the repair needs hazard `rename`. */
  readonly needsRename: boolean;
}

export function removalPlan(spec: CaseSpec): RemovalPlan {
  let state = empty();
  const sql: string[] = [];
  const kept: Removal[] = [];
  for (const r of spec.removals) {
    const next = clone(state);
    if (!mark(r, next)) continue;
    propagate(spec, next);
    if (!repairable(spec, state, next)) continue;
    state = next;
    kept.push(r);
    sql.push(removalSql(r));
  }
  const expected: string[] = [];
  for (const s of state.schemas) expected.push(`schema:${s}`);
  for (const e of spec.enums) if (state.enums.has(qk(e))) expected.push(`enum:${qk(e)}`);
  const survivors: RemovalPlan['survivors'] = [];
  for (const t of spec.tables) {
    const k = qk(t);
    if (state.tables.has(k)) {
      expected.push(`table:${k}`);
      for (const c of t.columns) if (c.serial) expected.push(`sequence:${k}:${c.name}`);
      continue;
    }
    const live: ColSpec[] = [];
    for (const c of t.columns) {
      const ck = colKey(t, c.name);
      if (state.columns.has(ck)) {
        expected.push(`column:${k}:${c.name}`);
        if (c.serial) expected.push(`sequence:${k}:${c.name}`);
        continue;
      }
      live.push(c);
      if (state.notNullDropped.has(ck)) expected.push(`notnull:${k}:${c.name}`);
      if (state.defaultDropped.has(ck)) expected.push(`default:${k}:${c.name}`);
      // A serial made identity lost its own sequence: compare reports it missing (the identity repair recreates it).
      if (state.identityChanged.has(ck)) expected.push(`identity:${k}:${c.name}`, ...(c.serial ? [`sequence:${k}:${c.name}`] : []));
    }
    survivors.push({ table: t, columns: live });
    const gone = (n: string): boolean => state.objects.has(objKey(t, n));
    if (t.pk && gone(t.pk.name)) expected.push(`pk:${k}:${t.pk.name}`);
    for (const u of t.uniques) if (gone(u.name)) expected.push(`unique:${k}:${u.name}`);
    // A check under its name with another definition is a missing check that replaces it.
    for (const c of t.checks) if (gone(c.name) || state.redefined.has(objKey(t, c.name))) expected.push(`check:${k}:${c.name}`);
    for (const ix of t.indexes) if (gone(ix.name)) expected.push(`index:${k}:${ix.name}`);
    for (const fk of t.fks) {
      if (gone(fk.name)) expected.push(`fk:${k}:${fk.name}`);
      else if (state.redefined.has(objKey(t, fk.name))) expected.push(`fkdiff:${k}:${fk.name}`);
    }
  }
  return { sql, kept, expected: expected.sort(), survivors, needsRename: state.nameMovedAside };
}

/** The oracle's key for a change; informational changes have none. */
export function changeKey(c: Change): string | null {
  if (isInformational(c)) return null;
  switch (c.kind) {
    case 'missing-schema':
      return `schema:${c.schema}`;
    case 'missing-enum':
      return `enum:${qk(c.enum)}`;
    case 'missing-table':
      return `table:${qk(c.table)}`;
    case 'missing-sequence':
      return c.sequence.ownedBy ? `sequence:${qk(c.sequence.ownedBy.table)}:${c.sequence.ownedBy.column}` : `sequence:?:${qk(c.sequence)}`;
    case 'missing-column':
      return `column:${qk(c.table)}:${c.column.name}`;
    case 'missing-primary-key':
      return `pk:${qk(c.table)}:${c.primaryKey.name}`;
    case 'missing-unique':
      return `unique:${qk(c.table)}:${c.unique.name}`;
    case 'missing-check':
      return `check:${qk(c.table)}:${c.check.name}`;
    case 'missing-index':
      return `index:${qk(c.table)}:${c.index.name}`;
    case 'missing-foreign-key':
      return `fk:${qk(c.table)}:${c.foreignKey.name}`;
    case 'nullability-differs':
      return `notnull:${qk(c.table)}:${c.column}`;
    case 'default-differs':
      return `default:${qk(c.table)}:${c.column}`;
    case 'identity-differs':
      return `identity:${qk(c.table)}:${c.column}`;
    case 'foreign-key-differs':
      return `fkdiff:${qk(c.table)}:${c.declared.name}`;
    default:
      return `unexpected ${c.kind}: ${JSON.stringify(c).slice(0, 300)}`;
  }
}
