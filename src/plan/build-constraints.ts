/**
 * Statements for missing keys, foreign keys, checks, unvalidated constraints and indexes.
 * On tables that hold rows: violations are counted first, then constraints are added
 * NOT VALID and validated as their own step; unique keys are built concurrently first.
 */
import type { Change, PartitionIndex } from '../diff/changes.js';
import type { ForeignKey, Index, QualifiedName } from '../model/types.js';
import { checkClause, createIndexSql, foreignKeyClause } from '../render/ddl.js';
import { displayName } from '../render/model-text.js';
import { ident, literal, qualified } from '../render/quote.js';
import { built, holdsRows, isNew, referencedKey, statement, type BuildContext, type Built } from './build-context.js';
import { moveAside } from './build-names.js';
import { checkMatches, constraintExists, constraintValidated, derivedName, dollarQuote, exclusionMatches, failIfRows, foreignKeyMatches, indexExists, needed, orphanCondition } from './sql.js';
import type { Phase, Statement } from './types.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;
const show = (q: QualifiedName): string => displayName(q.schema, q.name);

/**
 * A constraint added to a table that holds rows: [count the rows that break it, ADD ... NOT VALID, VALIDATE].
 * The count (the first of `checks`, which stops the script with a clear error naming the rows) runs before the
 * ADD, in the ADD's phase: counted after it, a stop would leave a NOT VALID constraint behind that already
 * refuses writes the application makes today (an UPDATE of a violating row that leaves the column alone).
 * Rows written between the count and the ADD are not counted: VALIDATE then stops with PostgreSQL's own error
 * (23514 or 23503), the NOT VALID constraint stays, and the next run's count (guarded on the constraint not
 * being validated) names those rows. A second count just before VALIDATE would only reword that error at the
 * cost of another scan of the table, so there is none (as for NOT NULL in build-fixes.ts).
 */
export function countFirst(add: Statement, checks: readonly [count: Statement, validate: Statement]): Statement[] {
  const [count, validate] = checks;
  return [{ ...count, phase: add.phase }, add, validate];
}

/** Count orphans, then validate: a clear error instead of a blind failure. */
export function validateForeignKey(c: Change, t: QualifiedName, fk: ForeignKey, name: string): [count: Statement, validate: Statement] {
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

/**
 * ADD ... NOT VALID; on a partitioned table before PostgreSQL 18 (which refuses NOT VALID there) the
 * key is added validated instead, decided where it runs: the validation steps then find it valid.
 */
function addNotValid(c: Of<'missing-foreign-key'>): string {
  const add = `ALTER TABLE ${qualified(c.table)} ADD ${foreignKeyClause(c.foreignKey)}`;
  if (!c.onPartitioned) return `${add} NOT VALID`;
  return `DO ${dollarQuote(` BEGIN IF pg_catalog.current_setting('server_version_num')::int >= 180000 THEN EXECUTE ${literal(`${add} NOT VALID`)}; ELSE EXECUTE ${literal(add)}; END IF; END `)}`;
}

export function missingForeignKey(c: Of<'missing-foreign-key'>, ctx: BuildContext): Built {
  const fk = c.foreignKey;
  const empty = isNew(ctx, c.table) || !holdsRows(ctx, c.table);
  const add = statement(c, {
    phase: 'constraints',
    description: `add foreign key ${fk.name} on ${show(c.table)} -> ${show(fk.references)}${empty ? '' : c.onPartitioned ? ' (NOT VALID on PostgreSQL 18+; before, a partitioned table checks its rows at once)' : ' (NOT VALID)'}`,
    sql: empty ? `ALTER TABLE ${qualified(c.table)} ADD ${foreignKeyClause(fk)}` : addNotValid(c),
    guard: needed(`NOT ${foreignKeyMatches(c.table, fk, { name: fk.name })}`),
    lockLevel: 'SHARE ROW EXCLUSIVE',
    locks: [c.table, fk.references],
    duration: !empty && c.onPartitioned ? 'long' : 'brief',
  });
  return built(empty ? [add] : countFirst(add, validateForeignKey(c, c.table, fk, fk.name)));
}

export function missingCheck(c: Of<'missing-check'>, ctx: BuildContext): Built {
  const ck = c.check;
  const t = c.table;
  const empty = !holdsRows(ctx, t);
  if (c.replaces) return replaceCheck(c, c.replaces.name, ctx);
  const add = statement(c, {
    phase: 'constraints',
    description: `add check ${ck.name} on ${show(t)}${empty ? '' : ' (NOT VALID)'}`,
    sql: `ALTER TABLE ${qualified(t)} ADD ${checkClause(ck)}${empty ? '' : ' NOT VALID'}`,
    guard: needed(`NOT ${checkMatches(t, ck.name, ck.expression, { noInherit: ck.noInherit })}`),
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [t],
  });
  return built(empty ? [add] : countFirst(add, validateCheck(c, t, ck.name, ck.expression)));
}

/** A live check with the declared name and another expression: the declared one beside it (NOT VALID), validated, then swapped in. */
function replaceCheck(c: Of<'missing-check'>, liveName: string, ctx: BuildContext): Built {
  const ck = c.check;
  const t = c.table;
  const fresh = derivedName(ck.name, '_reconcile_new');
  const rows = holdsRows(ctx, t);
  const done = checkMatches(t, ck.name, ck.expression, { validated: true, noInherit: ck.noInherit });
  const freshAdded = checkMatches(t, fresh, ck.expression, { noInherit: ck.noInherit });
  const freshValid = checkMatches(t, fresh, ck.expression, { validated: true, noInherit: ck.noInherit });
  const add = statement(c, {
    phase: 'constraints',
    description: `add check ${fresh} on ${show(t)} with the declared expression of ${ck.name}${rows ? ' (NOT VALID)' : ''}`,
    sql: `ALTER TABLE ${qualified(t)} ADD ${checkClause({ ...ck, name: fresh })}${rows ? ' NOT VALID' : ''}`,
    guard: needed(`NOT ${done} AND NOT ${freshAdded}`),
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [t],
  });
  // With rows: counted before the fresh check is added (see countFirst), so a stop leaves only the live check.
  const [count, validate] = validateCheck(c, t, fresh, ck.expression);
  const checked = rows
    ? countFirst(add, [
        { ...count, guard: needed(`NOT ${done} AND NOT ${freshValid}`) },
        { ...validate, guard: needed(`NOT ${done} AND ${freshAdded} AND NOT ${freshValid}`) },
      ])
    : [add];
  return built([
    ...checked,
    statement(c, {
      phase: 'validate',
      description: `drop the replaced check ${liveName} on ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} DROP CONSTRAINT IF EXISTS ${ident(liveName)}`,
      guard: needed(`${constraintExists(t, liveName)} AND NOT ${checkMatches(t, liveName, ck.expression, { noInherit: ck.noInherit })} AND ${checkMatches(t, fresh, ck.expression, { validated: true, noInherit: ck.noInherit })}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [t],
    }),
    statement(c, {
      phase: 'validate',
      description: `rename check ${fresh} to ${ck.name} on ${show(t)}`,
      sql: `ALTER TABLE ${qualified(t)} RENAME CONSTRAINT ${ident(fresh)} TO ${ident(ck.name)}`,
      guard: needed(`${constraintExists(t, fresh)} AND NOT ${constraintExists(t, ck.name)}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [t],
    }),
  ]);
}

/**
 * A missing exclusion constraint: `ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE ...`.
 * PostgreSQL builds its index while holding ACCESS EXCLUSIVE on the table, and offers
 * neither NOT VALID nor a concurrent build nor USING INDEX for it; on a table with rows
 * reads and writes wait for the whole build, and the plan says so. Not planned when a
 * live exclusion constraint holds the name with another definition, or another relation
 * holds the name its index takes.
 */
export function missingExclusion(c: Of<'missing-exclusion'>, ctx: BuildContext): Built {
  const x = c.exclusion;
  const t = c.table;
  const what = `exclusion constraint ${x.name} on ${show(t)}`;
  if (c.sameNameLive) {
    return built([], [{ level: 'warning', message: `${what} differs from the live one of that name (live: ${c.sameNameLive.definition}; declared: ${x.definition}): replace it by hand`, source: c }]);
  }
  if (c.nameTakenBy) {
    return built([], [{ level: 'warning', message: `${what} cannot be added: its index would be named ${x.name}, which ${c.nameTakenBy.relkind} ${c.nameTakenBy.name} already holds`, source: c }]);
  }
  const rows = holdsRows(ctx, t);
  const add = statement(c, {
    phase: 'constraints',
    description: `add ${what}${rows ? ' (builds its index under ACCESS EXCLUSIVE: reads and writes wait until it ends)' : ''}`,
    sql: `ALTER TABLE ${qualified(t)} ADD CONSTRAINT ${ident(x.name)} ${x.definition}`,
    guard: needed(`NOT ${exclusionMatches(t, x.name, x.definition)}`),
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [t],
    duration: rows ? 'long' : 'brief',
  });
  const notes = rows
    ? [{ level: 'warning' as const, message: `${what} is added under an ACCESS EXCLUSIVE lock held while its index builds over the existing rows (PostgreSQL cannot add an exclusion constraint NOT VALID or concurrently); run it in a quiet window`, source: c }]
    : [];
  return built([add], notes);
}

export function validateCheck(c: Change, t: QualifiedName, name: string, expression: string): [count: Statement, validate: Statement] {
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

/**
 * Create an index: concurrently (outside any transaction) on a table that holds
 * rows, after dropping an invalid leftover of the same name; plainly otherwise.
 */
export function indexBuild(c: Change, t: QualifiedName, ix: Index, options: { concurrently: boolean; phase?: Phase; unless?: string }): Statement[] {
  const phase = options.phase ?? 'indexes';
  // `unless`: a condition under which the build is not needed (a partition whose part is already attached).
  const unless = options.unless ? ` AND NOT ${options.unless}` : '';
  if (!options.concurrently) {
    return [
      statement(c, {
        phase,
        description: `create index ${ix.name} on ${show(t)}`,
        sql: createIndexSql(t, ix, { ifNotExists: true }),
        ...(options.unless ? { guard: needed(`NOT ${options.unless}`) } : {}),
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
      phase,
      description: `drop invalid leftover index ${ix.name} on ${show(t)}`,
      ...dropLeftover,
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      transactional: false,
    }),
    statement(c, {
      phase,
      description: `create index ${ix.name} on ${show(t)} concurrently`,
      sql: createIndexSql(t, ix, { ifNotExists: true, concurrently: true }),
      guard: needed(`NOT ${indexExists(t.schema, ix.name, true)}${unless}`),
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      transactional: false,
      duration: 'long',
      cleanup: dropLeftover,
    }),
  ];
}

/** A unique index that foreign keys can reference: built with the keys, before the foreign keys. */
function referenceable(ix: Index): boolean {
  return ix.unique && ix.predicate === null && ix.keys.every((k) => k.column !== null);
}

/**
 * An index missing on a partitioned table: PostgreSQL cannot build it CONCURRENTLY
 * there, and a plain build locks every partition against writes for as long as it
 * takes. So: the parent's index ON ONLY the parent (brief, invalid for now), each
 * partition's own index concurrently, then attached; the parent's becomes valid
 * once every partition's is attached. A partition that is itself partitioned gets
 * the same in turn (ON ONLY, its partitions' indexes, attached to it) before its
 * index is attached to the parent's: bottom-up, so each index is valid when it is
 * attached and the root's becomes valid with the last attach. A partition's free
 * matching index is attached as it is. Partitions without rows take the plain build
 * (a partitioned one: one plain build over its own partitions).
 */
function partitionedIndex(c: Of<'missing-index'>, ctx: BuildContext, children: readonly PartitionIndex[]): Built {
  const ix = c.index;
  const anyRows = children.some((ch) => holdsRows(ctx, ch.table));
  if (!anyRows) return built(indexBuild(c, c.table, ix, { concurrently: false }).map((s) => ({ ...s, locks: [c.table, ...children.flatMap(subtree)] })));
  const steps: Statement[] = [
    statement(c, {
      phase: 'indexes',
      description: `create index ${ix.name} on only the partitioned table ${show(c.table)} (valid once every partition's index is attached)`,
      sql: createIndexSql(c.table, ix, { ifNotExists: true, only: true }),
      lockLevel: 'SHARE',
      locks: [c.table],
    }),
  ];
  for (const ch of children) steps.push(...partitionIndexSteps(c, ctx, { table: c.table, index: ix, mayBeAbsent: false }, ch));
  return built(steps);
}

/** A partition and every partition below it. */
const subtree = (p: PartitionIndex): QualifiedName[] => [p.table, ...(p.children ?? []).flatMap(subtree)];

/** Some index of `partition` is attached to `parentIndex` already (an earlier run's, under whatever name). */
function attachedUnder(parentIndex: string, partition: QualifiedName): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_index x ON x.indexrelid = h.inhrelid WHERE h.inhparent = pg_catalog.to_regclass(${literal(parentIndex)}) AND x.indrelid = pg_catalog.to_regclass(${literal(qualified(partition))}))`;
}

/**
 * One partition's index (built, or ON ONLY with its own partitions' below it) and its attach to `parent`'s.
 * Each step is skipped once some index of the partition is attached to the parent's (a resumed run, or
 * a re-plan after one, whose attached indexes the model does not show); below a partitioned partition
 * also while the parent's index is absent (its ON ONLY step was skipped for that reason).
 */
function partitionIndexSteps(c: Of<'missing-index'>, ctx: BuildContext, parent: { table: QualifiedName; index: Index; mayBeAbsent: boolean }, ch: PartitionIndex): Statement[] {
  const steps: Statement[] = [];
  const rows = holdsRows(ctx, ch.table);
  const parentIndex = qualified({ schema: parent.table.schema, name: parent.index.name });
  const childIndex = qualified({ schema: ch.table.schema, name: ch.index.name });
  const attached = attachedUnder(parentIndex, ch.table);
  const done = parent.mayBeAbsent ? `(pg_catalog.to_regclass(${literal(parentIndex)}) IS NULL OR ${attached})` : attached;
  if (ch.existing) {
    // Attached as it is.
  } else if (ch.children && rows) {
    steps.push(
      statement(c, {
        phase: 'indexes',
        description: `create index ${ch.index.name} on only the partitioned partition ${show(ch.table)} (valid once each of its partitions' index is attached)`,
        sql: createIndexSql(ch.table, ch.index, { ifNotExists: true, only: true }),
        guard: needed(`NOT ${done}`),
        lockLevel: 'SHARE',
        locks: [ch.table],
      }),
    );
    for (const g of ch.children) steps.push(...partitionIndexSteps(c, ctx, { table: ch.table, index: ch.index, mayBeAbsent: true }, g));
  } else if (ch.children) {
    steps.push(...indexBuild(c, ch.table, ch.index, { concurrently: false, unless: done }).map((s) => ({ ...s, locks: subtree(ch) })));
  } else {
    steps.push(...indexBuild(c, ch.table, ch.index, { concurrently: rows, unless: done }));
  }
  steps.push(
    statement(c, {
      phase: 'indexes',
      description: `attach ${ch.existing ? 'the existing ' : ''}index ${ch.index.name} of partition ${show(ch.table)} to ${parent.index.name}`,
      sql: `ALTER INDEX ${parentIndex} ATTACH PARTITION ${childIndex}`,
      guard: needed(`NOT ${done}`),
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [parent.table, ch.table],
    }),
  );
  return steps;
}

export function missingIndex(c: Of<'missing-index'>, ctx: BuildContext): Built {
  const ix = c.index;
  if (c.partitions && !c.nameTakenBy) return partitionedIndex(c, ctx, c.partitions.children);
  const columns = ix.keys.map((k) => k.column ?? '');
  const phase: Phase = referenceable(ix) && ctx.referencedKeys.has(referencedKey(c.table, columns)) ? 'keys' : 'indexes';
  const steps = indexBuild(c, c.table, ix, { concurrently: holdsRows(ctx, c.table), phase });
  if (!c.nameTakenBy) return built(steps);
  const aside = moveAside(c, c.table.schema, c.nameTakenBy, `index ${ix.name} on ${show(c.table)}`);
  if ('note' in aside) return built([], [{ level: 'warning', message: `index ${ix.name} on ${show(c.table)} cannot be created: ${aside.note}`, source: c }]);
  return built([...aside.statements.map((s) => ({ ...s, phase })), ...steps.map((s) => ({ ...s, hazards: [...s.hazards, aside.hazard] }))]);
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
