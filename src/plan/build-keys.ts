/**
 * Statements for missing primary keys and unique constraints. Where the key goes
 * was decided by compare (KeyPlacement): a live unique index it takes over
 * (USING INDEX), a live key it replaces (a new index, then drop and attach in one
 * ALTER TABLE, so the table is never without its key), or a name another
 * relation holds (moved aside first, under the `rename` hazard). Every guard
 * compares the definition, not only the name.
 */
import type { Change, PartitionKey } from '../diff/changes.js';
import type { Index, QualifiedName } from '../model/types.js';
import { primaryKeyClause, uniqueClause } from '../render/ddl.js';
import { displayName } from '../render/model-text.js';
import { ident, identList, qualified } from '../render/quote.js';
import { indexBuild } from './build-constraints.js';
import { built, holdsRows, statement, type BuildContext, type Built } from './build-context.js';
import { moveAside } from './build-names.js';
import { constraintExists, derivedName, failIfRows, indexExists, keyMatches, needed } from './sql.js';
import type { Hazard, Statement } from './types.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;
type KeyChange = Of<'missing-primary-key'> | Of<'missing-unique'>;
const show = (q: QualifiedName): string => displayName(q.schema, q.name);

interface KeySpec {
  readonly name: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly include?: readonly string[];
  readonly storage?: readonly string[];
}

function timing(k: KeySpec): string {
  return k.deferrable ? (k.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE') : '';
}

function uniqueIndexFor(key: KeySpec, name: string): Index {
  return {
    name,
    method: 'btree',
    unique: true,
    nullsNotDistinct: key.nullsNotDistinct,
    keys: key.columns.map((column) => ({ column, expression: null, opclass: null, collation: null, descending: false, nullsFirst: false })),
    include: key.include ?? [],
    predicate: null,
    storage: key.storage ?? [],
    valid: true,
    constraint: null,
    definition: '',
  };
}

function duplicateProbe(c: Change, t: QualifiedName, key: KeySpec, what: string, guard: string): Statement {
  const nulls = key.nullsNotDistinct ? '' : ` AND ${key.columns.map((col) => `${ident(col)} IS NOT NULL`).join(' AND ')}`;
  return statement(c, {
    phase: 'keys',
    description: `check ${show(t)} for duplicates of (${key.columns.join(', ')})`,
    sql: failIfRows({
      from: `(SELECT 1 FROM ${qualified(t)} WHERE true${nulls} GROUP BY ${identList(key.columns)} HAVING count(*) > 1) AS dup`,
      where: 'true',
      message: `${what} cannot be built: duplicate values of (${key.columns.join(', ')})`,
      hint: `find them with SELECT ${identList(key.columns)}, count(*) FROM ${qualified(t)} GROUP BY ${identList(key.columns)} HAVING count(*) > 1`,
    }),
    guard,
    lockLevel: 'ACCESS SHARE',
    locks: [t],
    duration: 'long',
  });
}

export function missingKey(c: KeyChange, ctx: BuildContext): Built {
  const primary = c.kind === 'missing-primary-key';
  const kind = primary ? 'PRIMARY KEY' : 'UNIQUE';
  const key: KeySpec = primary ? { ...c.primaryKey, nullsNotDistinct: false } : c.unique;
  const t = c.table;
  const what = `${primary ? 'primary key' : 'unique'} ${key.name} on ${show(t)}`;
  const present = keyMatches(t, key, primary ? 'p' : 'u');
  const guard = needed(`NOT ${present}`);
  const { replaces, usingIndex, nameTakenBy } = c.placement;
  const warn = (message: string): Built => built([], [{ level: 'warning', message, source: c }]);

  if (replaces && replaces.referencedBy.length > 0) {
    return warn(
      `${what} must replace the live ${replaces.objectKind} ${replaces.name} (${replaces.columns.join(', ')}), which foreign keys reference (${replaces.referencedBy.join('; ')}): ` +
        'PostgreSQL cannot drop it while they exist. Drop or re-point them by hand, then run again',
    );
  }
  let before: Statement[] = [];
  let hazards: Hazard[] = [];
  if (nameTakenBy) {
    const aside = moveAside(c, t.schema, nameTakenBy, what);
    if ('note' in aside) return warn(`${what} cannot be added: ${aside.note}`);
    before = aside.statements;
    hazards = [aside.hazard];
  }
  const withHazards = (ss: Statement[]): Statement[] => [...before, ...ss.map((s) => ({ ...s, phase: 'keys' as const, hazards: [...s.hazards, ...hazards] }))];
  const attach = (index: string, drop: string | null): Statement =>
    statement(c, {
      phase: 'keys',
      description: drop ? `replace ${replaces?.objectKind ?? 'key'} ${drop} of ${show(t)} with ${what.split(' on ')[0]} (one statement)` : `attach index ${index} as ${primary ? 'primary key' : 'unique'} ${key.name} of ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} ${drop ? `DROP CONSTRAINT IF EXISTS ${ident(drop)}, ` : ''}ADD CONSTRAINT ${ident(key.name)} ${kind} USING INDEX ${ident(index)}${timing(key)}`,
      guard,
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [t],
    });

  if (usingIndex) return built(withHazards([attach(usingIndex, null)]));
  const rows = holdsRows(ctx, t);
  if (replaces) {
    // Build the new key's index beside the old key, then swap them in one ALTER TABLE.
    const fresh = derivedName(key.name, '_reconcile_new');
    const build = indexBuild(c, t, uniqueIndexFor(key, fresh), { concurrently: rows }).map((s) =>
      s.description.startsWith('create index') ? { ...s, guard: needed(`NOT ${present} AND NOT ${indexExists(t.schema, fresh, true)}`) } : s,
    );
    return built(withHazards([...(rows ? [duplicateProbe(c, t, key, what, guard)] : []), ...build, attach(fresh, replaces.name)]));
  }
  if (rows && c.placement.partitions) return built(withHazards(partitionedKey(c, ctx, key, { what, present }, c.placement.partitions)));
  if (rows && !(primary && key.deferrable)) {
    // On a table that holds rows: the index concurrently, then attach it (a brief lock).
    const build = indexBuild(c, t, uniqueIndexFor(key, key.name), { concurrently: true }).map((s) =>
      s.description.startsWith('create index') ? { ...s, guard: needed(`NOT ${present} AND NOT ${indexExists(t.schema, key.name, true)}`) } : s,
    );
    return built(withHazards([duplicateProbe(c, t, key, what, guard), ...build, attach(key.name, null)]));
  }
  return built(
    withHazards([
      statement(c, {
        phase: 'keys',
        description: `add ${what}`,
        sql: `ALTER TABLE ${qualified(t)} ADD ${primary ? primaryKeyClause(c.primaryKey) : uniqueClause(key)}`,
        guard,
        lockLevel: 'ACCESS EXCLUSIVE',
        locks: [t],
        duration: rows ? 'long' : 'brief',
      }),
    ]),
  );
}

/**
 * A key missing on a partitioned table whose partitions hold rows: PostgreSQL builds neither
 * CONCURRENTLY nor USING INDEX there, and a plain ADD locks every partition against writes while
 * each index builds. So each partition gets its own key first (its free matching unique index, or
 * one built concurrently, attached with USING INDEX under a brief lock); the parent's ADD then
 * finds them and attaches them without building anything.
 */
function partitionedKey(c: KeyChange, ctx: BuildContext, key: KeySpec, parent: { what: string; present: string }, partitions: readonly PartitionKey[]): Statement[] {
  const { what, present } = parent;
  const guard = needed(`NOT ${present}`);
  const primary = c.kind === 'missing-primary-key';
  const kind = primary ? 'PRIMARY KEY' : 'UNIQUE';
  const steps: Statement[] = [duplicateProbe(c, c.table, key, what, guard)];
  for (const p of partitions) {
    const own = keyMatches(p.table, { ...key, name: p.name }, primary ? 'p' : 'u');
    if (!p.existing) {
      const build = indexBuild(c, p.table, uniqueIndexFor(key, p.name), { concurrently: holdsRows(ctx, p.table) });
      steps.push(...build.map((s) => (s.description.startsWith('create index') ? { ...s, guard: needed(`NOT ${present} AND NOT ${own} AND NOT ${indexExists(p.table.schema, p.name, true)}`) } : s)));
    }
    steps.push(
      statement(c, {
        phase: 'keys',
        description: `attach index ${p.name} as ${primary ? 'primary key' : 'unique'} ${p.name} of partition ${show(p.table)}`,
        sql: `ALTER TABLE ${qualified(p.table)} ADD CONSTRAINT ${ident(p.name)} ${kind} USING INDEX ${ident(p.name)}${timing(key)}`,
        guard: needed(`NOT ${present} AND NOT ${own}`),
        lockLevel: 'ACCESS EXCLUSIVE',
        locks: [p.table],
      }),
    );
  }
  steps.push(
    statement(c, {
      phase: 'keys',
      description: `add ${what} (it takes over the partitions' keys; nothing is built)`,
      sql: `ALTER TABLE ${qualified(c.table)} ADD ${primary ? primaryKeyClause(c.primaryKey) : uniqueClause(key)}`,
      guard,
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [c.table, ...partitions.map((p) => p.table)],
    }),
  );
  return steps;
}

/** A live primary key the declared model does not have, dropped only so that a declared nullable column can be (hazard `drop`). */
export function dropPrimaryKeyFor(c: Change, t: QualifiedName, name: string, columns: readonly string[]): { statement: Statement; hazard: Hazard } {
  const hazard: Hazard = {
    kind: 'drop',
    message: `${show(t)} is declared without its primary key ${name}, and its column(s) ${columns.join(', ')} declared nullable: the key (and its index) is dropped first, so rows are no longer kept unique by it`,
  };
  return {
    hazard,
    statement: statement(c, {
      phase: 'keys',
      description: `drop primary key ${name} of ${show(t)} (declared without it)`,
      sql: `ALTER TABLE ${qualified(t)} DROP CONSTRAINT IF EXISTS ${ident(name)}`,
      guard: needed(constraintExists(t, name)),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [t],
      hazards: [hazard],
    }),
  };
}
