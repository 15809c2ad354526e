/**
 * Statements for missing keys, foreign keys, checks, unvalidated constraints and indexes.
 * On tables that hold rows: constraints are added NOT VALID and validated as their
 * own step after counting violations; unique keys are built concurrently first.
 */
import type { Change } from '../diff/changes.js';
import type { ForeignKey, Index, QualifiedName } from '../model/types.js';
import { checkClause, createIndexSql, foreignKeyClause, primaryKeyClause, uniqueClause } from '../render/ddl.js';
import { displayName } from '../render/model-text.js';
import { ident, identList, qualified } from '../render/quote.js';
import { built, holdsRows, isNew, statement, type BuildContext, type Built } from './build-context.js';
import { constraintExists, constraintValidated, failIfRows, indexExists, needed, orphanCondition, regclass } from './sql.js';
import type { Statement } from './types.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;
const show = (q: QualifiedName): string => displayName(q.schema, q.name);

/** Count orphans, then validate: a clear error instead of a blind failure. */
export function validateForeignKey(c: Change, t: QualifiedName, fk: ForeignKey, name: string): Statement[] {
  return [
    statement(c, {
      phase: 'validate',
      description: `check rows of ${show(t)} against foreign key ${name}`,
      sql: failIfRows({
        from: `${qualified(t)} child`,
        where: orphanCondition(fk),
        message: `foreign key ${name} on ${show(t)} cannot be validated: rows reference missing ${show(fk.references)} rows`,
        hint: `find them with SELECT * FROM ${qualified(t)} child WHERE ${orphanCondition(fk)}; fix or delete them, then run again`,
      }),
      guard: needed(`NOT ${constraintValidated(t, name)}`),
      lockLevel: 'ACCESS SHARE',
      locks: [t, fk.references],
      duration: 'long',
    }),
    statement(c, {
      phase: 'validate',
      description: `validate foreign key ${name} on ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} VALIDATE CONSTRAINT ${ident(name)}`,
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t, fk.references],
      duration: 'long',
    }),
  ];
}

export function missingForeignKey(c: Of<'missing-foreign-key'>, ctx: BuildContext): Built {
  const fk = c.foreignKey;
  const empty = isNew(ctx, c.table) || !holdsRows(ctx, c.table);
  const add = statement(c, {
    phase: 'constraints',
    description: `add foreign key ${fk.name} on ${show(c.table)} -> ${show(fk.references)}${empty ? '' : ' (NOT VALID)'}`,
    sql: `ALTER TABLE ${qualified(c.table)} ADD ${foreignKeyClause(fk)}${empty ? '' : ' NOT VALID'}`,
    guard: needed(`NOT ${constraintExists(c.table, fk.name)}`),
    lockLevel: 'SHARE ROW EXCLUSIVE',
    locks: [c.table, fk.references],
  });
  return built(empty ? [add] : [add, ...validateForeignKey(c, c.table, fk, fk.name)]);
}

export function missingCheck(c: Of<'missing-check'>, ctx: BuildContext): Built {
  const ck = c.check;
  const empty = !holdsRows(ctx, c.table);
  const add = statement(c, {
    phase: 'constraints',
    description: `add check ${ck.name} on ${show(c.table)}${empty ? '' : ' (NOT VALID)'}`,
    sql: `ALTER TABLE ${qualified(c.table)} ADD ${checkClause(ck)}${empty ? '' : ' NOT VALID'}`,
    guard: needed(`NOT ${constraintExists(c.table, ck.name)}`),
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [c.table],
  });
  return built(empty ? [add] : [add, ...validateCheck(c, c.table, ck.name, ck.expression)]);
}

export function validateCheck(c: Change, t: QualifiedName, name: string, expression: string): Statement[] {
  const condition = expression.replace(/^CHECK /, '');
  return [
    statement(c, {
      phase: 'validate',
      description: `check rows of ${show(t)} against ${name}`,
      sql: failIfRows({
        from: qualified(t),
        where: `NOT (${condition})`,
        message: `check ${name} on ${show(t)} cannot be validated: rows violate ${condition}`,
        hint: `find them with SELECT * FROM ${qualified(t)} WHERE NOT (${condition}); fix them, then run again`,
      }),
      guard: needed(`NOT ${constraintValidated(t, name)}`),
      lockLevel: 'ACCESS SHARE',
      locks: [t],
      duration: 'long',
    }),
    statement(c, {
      phase: 'validate',
      description: `validate check ${name} on ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} VALIDATE CONSTRAINT ${ident(name)}`,
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      duration: 'long',
    }),
  ];
}

export function constraintNotValidated(c: Of<'constraint-not-validated'>): Built {
  if (c.foreignKey) return built(validateForeignKey(c, c.table, c.foreignKey, c.constraint));
  if (c.checkExpression) return built(validateCheck(c, c.table, c.constraint, c.checkExpression));
  return built([], [{ level: 'warning', message: `${c.objectKind} ${c.constraint} on ${show(c.table)} is not validated`, source: c }]);
}

/** Unique or primary key on an existing table: build the index concurrently, then attach it. */
function keyUsingIndex(
  c: Change,
  t: QualifiedName,
  key: { name: string; columns: readonly string[]; nullsNotDistinct: boolean; deferrable: boolean; initiallyDeferred: boolean },
  kind: 'PRIMARY KEY' | 'UNIQUE',
): Statement[] {
  const timing = key.deferrable ? (key.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE') : '';
  const nulls = key.nullsNotDistinct ? '' : ` AND ${key.columns.map((col) => `${ident(col)} IS NOT NULL`).join(' AND ')}`;
  return [
    statement(c, {
      phase: 'keys',
      description: `check ${show(t)} for duplicates of (${key.columns.join(', ')})`,
      sql: failIfRows({
        from: `(SELECT 1 FROM ${qualified(t)} WHERE true${nulls} GROUP BY ${identList(key.columns)} HAVING count(*) > 1) AS dup`,
        where: 'true',
        message: `${kind.toLowerCase()} ${key.name} on ${show(t)} cannot be built: duplicate values of (${key.columns.join(', ')})`,
        hint: `find them with SELECT ${identList(key.columns)}, count(*) FROM ${qualified(t)} GROUP BY ${identList(key.columns)} HAVING count(*) > 1`,
      }),
      guard: needed(`NOT ${constraintExists(t, key.name)}`),
      lockLevel: 'ACCESS SHARE',
      locks: [t],
      duration: 'long',
    }),
    ...indexBuild(c, t, uniqueIndexFor(key), { concurrently: true }),
    statement(c, {
      phase: 'keys',
      description: `attach index ${key.name} as ${kind.toLowerCase()} of ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} ADD CONSTRAINT ${ident(key.name)} ${kind} USING INDEX ${ident(key.name)}${timing}`,
      guard: needed(`NOT ${constraintExists(t, key.name)}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [t],
    }),
  ].map((s) => ({ ...s, phase: 'keys' as const }));
}

function uniqueIndexFor(key: { name: string; columns: readonly string[]; nullsNotDistinct: boolean }): Index {
  return {
    name: key.name,
    method: 'btree',
    unique: true,
    nullsNotDistinct: key.nullsNotDistinct,
    keys: key.columns.map((column) => ({ column, expression: null, opclass: null, collation: null, descending: false, nullsFirst: false })),
    include: [],
    predicate: null,
    valid: true,
    constraint: key.name,
    definition: '',
  };
}

export function missingUnique(c: Of<'missing-unique'>, ctx: BuildContext): Built {
  if (holdsRows(ctx, c.table)) return built(keyUsingIndex(c, c.table, c.unique, 'UNIQUE'));
  return built([
    statement(c, {
      phase: 'keys',
      description: `add unique ${c.unique.name} on ${show(c.table)}`,
      sql: `ALTER TABLE ${qualified(c.table)} ADD ${uniqueClause(c.unique)}`,
      guard: needed(`NOT ${constraintExists(c.table, c.unique.name)}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [c.table],
    }),
  ]);
}

export function missingPrimaryKey(c: Of<'missing-primary-key'>, ctx: BuildContext): Built {
  const pk = c.primaryKey;
  if (holdsRows(ctx, c.table) && !pk.deferrable) return built(keyUsingIndex(c, c.table, { ...pk, nullsNotDistinct: false }, 'PRIMARY KEY'));
  return built([
    statement(c, {
      phase: 'keys',
      description: `add primary key ${pk.name} on ${show(c.table)}`,
      sql: `ALTER TABLE ${qualified(c.table)} ADD ${primaryKeyClause(pk)}`,
      guard: needed(`NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = ${regclass(c.table)} AND contype = 'p')`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [c.table],
      duration: holdsRows(ctx, c.table) ? 'long' : 'brief',
    }),
  ]);
}

/**
 * Create an index: concurrently (outside any transaction) on a table that holds
 * rows, after dropping an invalid leftover of the same name; plainly otherwise.
 */
export function indexBuild(c: Change, t: QualifiedName, ix: Index, options: { concurrently: boolean }): Statement[] {
  if (!options.concurrently) {
    return [
      statement(c, {
        phase: 'indexes',
        description: `create index ${ix.name} on ${show(t)}`,
        sql: createIndexSql(t, ix, { ifNotExists: true }),
        lockLevel: 'SHARE',
        locks: [t],
      }),
    ];
  }
  const dropLeftover = {
    guard: needed(indexExists(t.schema, ix.name, false)),
    sql: `DROP INDEX CONCURRENTLY IF EXISTS ${qualified({ schema: t.schema, name: ix.name })}`,
  };
  return [
    statement(c, {
      phase: 'indexes',
      description: `drop invalid leftover index ${ix.name} on ${show(t)}`,
      ...dropLeftover,
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      transactional: false,
    }),
    statement(c, {
      phase: 'indexes',
      description: `create index ${ix.name} on ${show(t)} concurrently`,
      sql: createIndexSql(t, ix, { ifNotExists: true, concurrently: true }),
      guard: needed(`NOT ${indexExists(t.schema, ix.name, true)}`),
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      transactional: false,
      duration: 'long',
      cleanup: dropLeftover,
    }),
  ];
}

export function missingIndex(c: Of<'missing-index'>, ctx: BuildContext): Built {
  return built(indexBuild(c, c.table, c.index, { concurrently: holdsRows(ctx, c.table) }));
}

/** An invalid leftover that matches a declared index: drop it (by its live name) and build the declared one. */
export function invalidIndex(c: Of<'invalid-index'>): Built {
  const steps = indexBuild(c, c.table, c.declared, { concurrently: true });
  if (c.declared.name === c.index.name) return built(steps);
  const dropLive = statement(c, {
    phase: 'indexes',
    description: `drop invalid index ${c.index.name} on ${show(c.table)}`,
    sql: `DROP INDEX CONCURRENTLY IF EXISTS ${qualified({ schema: c.table.schema, name: c.index.name })}`,
    guard: needed(indexExists(c.table.schema, c.index.name, false)),
    lockLevel: 'SHARE UPDATE EXCLUSIVE',
    locks: [c.table],
    transactional: false,
  });
  return built([dropLive, ...steps]);
}
