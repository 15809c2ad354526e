/**
 * Statements for column type changes. Each change is classed by what
 * PostgreSQL really does (type-conversions.ts): metadata-only changes run
 * without a hazard (timestamp <-> timestamptz under `TimeZone = 'UTC'`);
 * rewrites carry the `rewrite` hazard and are probed first: a DO block counts
 * the values that would not convert and stops with sample keys before the
 * ALTER. A cast PostgreSQL rejects is not emitted: a note asks for `--using`.
 * One ALTER TABLE per table and class, so a table is rewritten once.
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import { ident, literal, qualified } from '../render/quote.js';
import { keyOf } from '../objects/index.js';
import { atomically } from '../objects/sql.js';
import { indexBuild } from './build-constraints.js';
import { attach } from './build-registry.js';
import { aroundTypeChange, blockedBy, blockedMessage, type Around } from './type-dependents.js';
import { built, holdsRows, statement, type BuildContext, type Built } from './build-context.js';
import { indexExists, needed } from './sql.js';
import { columnHasTypeAndCollation, probeConversion, underUtc } from './sql-types.js';
import { columnKey, NO_TYPE_FACTS, type DependentIndex, type TypeFacts } from './type-facts.js';
import { assignsToString, cannotFail, classifyConversion, convertsByInput, isUtc, parseType, type Conversion } from './type-conversions.js';
import type { Hazard, Note, PlanContext, Statement } from './types.js';
import { findUsing, usingTarget, type UsingExpression } from './using.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;
type TypeChange = Of<'column-type-differs'>;
const show = (q: QualifiedName): string => displayName(q.schema, q.name);

/** What a group's statement is: brief (metadata only), a rewrite, or not emitted (no cast, or dependents that block it). */
type GroupClass = 'brief' | 'rewrite' | 'no-cast' | 'blocked';

function factsOf(ctx: PlanContext): TypeFacts {
  return ctx.typeFacts ?? NO_TYPE_FACTS;
}

function conversionOf(c: TypeChange, ctx: PlanContext): Conversion {
  return classifyConversion({
    from: c.live.type,
    to: c.declared.type,
    collationChanges: c.declared.collation !== c.live.collation,
    using: findUsing(ctx.options.using, c.table, c.column) !== undefined,
    utc: isUtc(ctx.options.assumeTimezone ?? 'UTC'),
    domains: factsOf(ctx).domains,
  });
}

function classOf(c: TypeChange, ctx: PlanContext): GroupClass {
  if (blockedBy(c, ctx).length > 0) return 'blocked';
  if (factsOf(ctx).castErrors.has(columnKey(c.table, c.column))) return 'no-cast';
  return conversionOf(c, ctx).kind === 'rewrite' ? 'rewrite' : 'brief';
}

/**
 * Type changes of one table in one class form one group: one `ALTER TABLE`
 * with several `ALTER COLUMN ... TYPE` clauses. Maps every type change to its group.
 */
export function groupTypeChanges(changes: readonly Change[], ctx: PlanContext): Map<Change, readonly TypeChange[]> {
  const groups = new Map<string, TypeChange[]>();
  const out = new Map<Change, readonly TypeChange[]>();
  for (const c of changes) {
    if (c.kind !== 'column-type-differs') continue;
    // A partition's inherited column changes with its parent's (an ALTER of its own is refused): no group of its own.
    if (parentChange(c, changes, ctx)) {
      out.set(c, []);
      continue;
    }
    const cls = classOf(c, ctx);
    // Changes PostgreSQL has no cast for, or that dependents block, are notes, one per column.
    const key = JSON.stringify([c.table.schema, c.table.name, cls, cls === 'no-cast' || cls === 'blocked' ? c.column : '']);
    const group = groups.get(key) ?? [];
    group.push(c);
    groups.set(key, group);
    out.set(c, group);
  }
  return out;
}

/** By each planned group's first change: the objects to drop and create around its ALTER, where any depend on its columns. */
export function typeArounds(groups: ReadonlyMap<Change, readonly TypeChange[]>, ctx: PlanContext): Map<Change, Around> {
  const out = new Map<Change, Around>();
  for (const [c, group] of groups) {
    if (group[0] !== c || c.kind !== 'column-type-differs') continue;
    const cls = classOf(c, ctx);
    if (cls === 'blocked' || cls === 'no-cast') continue;
    const around = aroundTypeChange(group, ctx);
    if (around) out.set(c, around);
  }
  return out;
}

/** The same column's type change on the table `c`'s column is inherited from, if the plan has one. */
function parentChange(c: TypeChange, changes: readonly Change[], ctx: PlanContext): TypeChange | null {
  const parent = factsOf(ctx).inheritedFrom?.get(columnKey(c.table, c.column));
  if (!parent) return null;
  const found = changes.find((x): x is TypeChange => x.kind === 'column-type-differs' && x.column === c.column && qualifiedKey(x.table) === qualifiedKey(parent));
  return found ?? null;
}

/**
 * What the statements of a group repair besides the group's own changes: the inherited
 * columns of partitions (at any depth) and the registry objects created again around it.
 */
export function typeCovers(group: readonly TypeChange[], ctx: BuildContext): Change[] {
  const inherited: Change[] = [];
  const parents: Change[] = [...group];
  for (let i = 0; i < parents.length; i++) {
    for (const x of ctx.changes) if (x.kind === 'column-type-differs' && parentChange(x, ctx.changes, ctx) === parents[i]) (inherited.push(x), parents.push(x));
  }
  const keys = group[0] ? ctx.typeArounds.get(group[0])?.keys : undefined;
  const recreated = keys ? ctx.changes.filter((x) => x.kind === 'object-differs' && keys.has(keyOf(x.declared))) : [];
  return [...inherited, ...recreated];
}

/** `--using` entries that name no column whose type changes: a typo would otherwise pass unnoticed. */
export function unusedUsing(changes: readonly Change[], ctx: PlanContext): Note[] {
  const used = (u: UsingExpression): boolean =>
    changes.some((c) => c.kind === 'column-type-differs' && c.column === u.column && c.table.schema === u.table.schema && c.table.name === u.table.name);
  return (ctx.options.using ?? []).filter((u) => !used(u)).map((u) => ({
    level: 'warning' as const,
    message: `--using ${usingTarget(u.table, u.column)}: no type change of that column is planned; the expression is not used`,
    source: null,
  }));
}

/** The conversion of a rewrite: user expression, zone shift, bare assignment (string targets, same type), or an explicit cast. */
function usingClause(c: TypeChange, ctx: PlanContext): string | null {
  const col = ident(c.column);
  const to = c.declared.type;
  const given = findUsing(ctx.options.using, c.table, c.column);
  if (given) return `CAST((${given.expression}) AS ${to})`;
  const from = parseType(c.live.type).base;
  const target = parseType(to).base;
  if ((from === 'timestamp' && target === 'timestamptz') || (from === 'timestamptz' && target === 'timestamp')) {
    return `${col} AT TIME ZONE ${literal(ctx.options.assumeTimezone ?? 'UTC')}`;
  }
  const domains = factsOf(ctx).domains;
  if (assignsToString(to, domains) || from === target) return null;
  return `CAST(${col} AS ${to})`;
}

function alterClause(c: TypeChange, using: string | null): string {
  const collate = c.declared.collation ? ` COLLATE ${c.declared.collation}` : '';
  return `ALTER COLUMN ${ident(c.column)} TYPE ${c.declared.type}${collate}${using ? ` USING ${using}` : ''}`;
}

/**
 * A converted column's live default may not cast to the new type: the rewrite
 * drops it first and sets the declared one after, in the same ALTER TABLE (as
 * the PostgreSQL manual does). The column's default-differs change is then covered.
 */
function withDefaults(c: TypeChange, clause: string): string[] {
  const col = ident(c.column);
  return [
    ...(c.live.default !== null ? [`ALTER COLUMN ${col} DROP DEFAULT`] : []),
    clause,
    ...(c.declared.default !== null ? [`ALTER COLUMN ${col} SET DEFAULT ${c.declared.default}`] : []),
  ];
}

/**
 * The statement for a column's default when its type changes too: covered by the
 * rewrite (built()), a note when the type change is not planned (the declared
 * default would not fit the live type), or null to build it as usual.
 */
export function defaultWithTypeChange(c: Of<'default-differs'>, ctx: BuildContext): Built | null {
  for (const tc of ctx.typeGroups.keys()) {
    if (tc.kind !== 'column-type-differs' || tc.column !== c.column || qualifiedKey(tc.table) !== qualifiedKey(c.table)) continue;
    switch (classOf(tc, ctx)) {
      case 'rewrite':
        return built();
      case 'no-cast':
      case 'blocked':
        return built([], [{ level: 'warning', message: `default of ${show(c.table)}.${c.column} is not changed: it belongs to the type change that is not planned`, source: c }]);
      case 'brief':
        return null;
    }
  }
  return null;
}

function describe(c: TypeChange): string {
  const where = `${show(c.table)}.${c.column}`;
  if (c.declared.type === c.live.type) return `change collation of ${where} from ${c.live.collation ?? 'the default'} to ${c.declared.collation ?? 'the default'}`;
  return `change type of ${where} from ${c.live.type} to ${c.declared.type}`;
}

function rewriteWhy(c: TypeChange, ctx: PlanContext): string {
  const where = `${show(c.table)}.${c.column}`;
  const zone = ctx.options.assumeTimezone ?? 'UTC';
  const lock = 'The table is rewritten under an ACCESS EXCLUSIVE lock';
  if (findUsing(ctx.options.using, c.table, c.column)) return `${where}: converted with the --using expression. ${lock}`;
  const from = parseType(c.live.type).base;
  const to = parseType(c.declared.type).base;
  if ((from === 'timestamp' && to === 'timestamptz') || (from === 'timestamptz' && to === 'timestamp')) {
    return `${where}: timestamp values are taken as ${zone} (--assume-timezone to change); a bare TYPE ${c.declared.type} would shift them by the session's zone. ${lock}`;
  }
  return `changing ${where} from ${c.live.type} to ${c.declared.type} rewrites the table under an ACCESS EXCLUSIVE lock and can change or reject values`;
}

/** Statement sets for the whole group: one ALTER, probes before it, index steps around it. */
export function columnTypesDiffer(group: readonly TypeChange[], ctx: BuildContext): Built {
  const first = group[0];
  if (!first) return built();
  const cls = classOf(first, ctx);
  switch (cls) {
    case 'no-cast':
      return noCast(first, ctx);
    case 'blocked':
      return built([], [{ level: 'warning', message: blockedMessage(first, blockedBy(first, ctx)), source: first }]);
    case 'rewrite':
      return rewrite(group, ctx);
    case 'brief':
      return brief(group, ctx);
    default: {
      const never: never = cls;
      return never;
    }
  }
}

function noCast(c: TypeChange, ctx: BuildContext): Built {
  const why = factsOf(ctx).castErrors.get(columnKey(c.table, c.column)) ?? 'no cast';
  const target = usingTarget(c.table, c.column);
  const given = findUsing(ctx.options.using, c.table, c.column);
  const message = given
    ? `${show(c.table)}.${c.column}: the --using expression for ${target} is rejected by PostgreSQL (${why}); the type change from ${c.live.type} to ${c.declared.type} is not planned`
    : `${show(c.table)}.${c.column}: PostgreSQL has no cast from ${c.live.type} to ${c.declared.type} (${why}); the type change is not planned: give the conversion as an expression over the row, --using '${target}=EXPR'`;
  return built([], [{ level: 'warning', message, source: c }]);
}

/** Every column of the group still has its live type and collation (the group's ALTER is atomic). */
function groupCondition(group: readonly TypeChange[]): string {
  const conds = group.map((c) => columnHasTypeAndCollation(c.table, c.column, c.live.type, c.live.collation));
  return conds.length === 1 ? conds[0]! : conds.map((x) => `(${x})`).join(' AND ');
}

function groupDescription(group: readonly TypeChange[], what: string): string {
  const first = group[0]!;
  return group.length === 1 ? describe(first) : `change types of ${show(first.table)}: ${group.map((c) => c.column).join(', ')} (${what})`;
}

/** The ALTER with the objects that depend on its columns dropped before it and created after it, in one transaction. */
function aroundSql(alter: string, around: Around | null): string {
  return around ? atomically([...around.drops, alter, ...around.creates], { uncheckedBodies: true }) : alter;
}

function aroundDescription(around: Around | null): string {
  return around ? `, dropping and creating again ${around.names.join(', ')}` : '';
}

/** What cannot run in the ALTER's transaction (a materialized view's index builds), withheld with the group. */
function afterAround(group: readonly TypeChange[], around: Around | null, hazards: readonly Hazard[], ctx: BuildContext): Statement[] {
  return (around?.after ?? []).map((s) => ({ ...attach(group[0]!, s, ctx), hazards: [...(s.hazards ?? []), ...hazards] }));
}

function rewrite(group: readonly TypeChange[], ctx: BuildContext): Built {
  const t = group[0]!.table;
  const facts = factsOf(ctx);
  const around = ctx.typeArounds.get(group[0]!) ?? null;
  const hazards: Hazard[] = [...group.map((c) => ({ kind: 'rewrite' as const, message: rewriteWhy(c, ctx) })), ...(around?.hazards ?? [])];
  const guard = needed(groupCondition(group));
  const probes: Statement[] = [];
  const clauses: string[] = [];
  for (const c of group) {
    const using = usingClause(c, ctx);
    clauses.push(...withDefaults(c, alterClause(c, using)));
    if (!holdsRows(ctx, t) || (using === null && cannotFail(c.live.type, c.declared.type, facts.domains))) continue;
    const where = `${show(t)}.${c.column}`;
    const given = findUsing(ctx.options.using, c.table, c.column);
    probes.push(
      statement(group[0]!, {
        phase: 'fixes',
        description: `check that every value of ${where} converts to ${c.declared.type}`,
        sql: probeConversion({
          table: t,
          column: c.column,
          from: c.live.type,
          to: c.declared.type,
          conversion: using === null ? { kind: 'assign' } : { kind: 'using', expression: using },
          byInput: !given && convertsByInput(c.live.type, facts.domains),
          keys: facts.keys.get(qualifiedKey(t)) ?? [],
          where,
          hint: given
            ? `fix those rows or the --using expression for ${usingTarget(t, c.column)}, then run again`
            : `fix those rows, or give the conversion: --using '${usingTarget(t, c.column)}=EXPR' (e.g. NULLIF(...) for placeholders), then run again`,
        }),
        guard,
        lockLevel: 'ACCESS SHARE',
        locks: [t],
        duration: 'long',
        hazards,
      }),
    );
  }
  const alter = statement(group[0]!, {
    phase: 'fixes',
    description: `${groupDescription(group, 'one rewrite')}${aroundDescription(around)}`,
    sql: aroundSql(`ALTER TABLE ${qualified(t)} ${clauses.join(',\n  ')}`, around),
    guard,
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [t, ...(around?.locks ?? [])],
    duration: 'long',
    hazards,
  });
  return built([...probes, alter, ...afterAround(group, around, hazards, ctx)]);
}

function rebuildsIndexes(c: Conversion): boolean {
  switch (c.kind) {
    case 'metadata':
    case 'metadata-utc':
      return c.rebuildsIndexes;
    case 'rewrite':
      return true;
    default: {
      const never: never = c;
      return never;
    }
  }
}

function brief(group: readonly TypeChange[], ctx: BuildContext): Built {
  const t = group[0]!.table;
  const facts = factsOf(ctx);
  const conversions = group.map((c) => conversionOf(c, ctx));
  const utc = conversions.some((x) => x.kind === 'metadata-utc');
  const alterSql = `ALTER TABLE ${qualified(t)} ${group.map((c) => alterClause(c, null)).join(',\n  ')}`;
  const guard = needed(groupCondition(group));
  // PostgreSQL rebuilds the column's indexes when the operator class or collation changes, under the ALTER's lock.
  const rebuilt: { c: TypeChange; ix: DependentIndex }[] = holdsRows(ctx, t)
    ? group.flatMap((c, i) => (rebuildsIndexes(conversions[i]!) ? (facts.indexes.get(columnKey(c.table, c.column)) ?? []).map((ix) => ({ c, ix })) : []))
    : [];
  const unique = new Map(rebuilt.map((r) => [r.ix.name, r] as const));
  const replaceable = [...unique.values()].filter((r) => !r.ix.unique && !r.ix.constraint && !r.ix.partitioned && r.ix.index !== null);
  const inPlace = [...unique.values()].filter((r) => !replaceable.includes(r));
  const replaceHazard = (r: { c: TypeChange; ix: DependentIndex }): Hazard => ({
    kind: 'replace-index',
    message: `index ${r.ix.name} on ${show(t)} would be rebuilt by PostgreSQL under the ACCESS EXCLUSIVE lock of the type change of ${r.c.column}; instead it is dropped concurrently before and built again concurrently after it: queries that use it are slower until the build ends`,
  });
  const inPlaceHazards: Hazard[] = inPlace.map((r) => ({
      kind: 'rewrite' as const,
      message: `${show(t)}.${r.c.column}: the table is not rewritten, but PostgreSQL rebuilds ${r.ix.constraint ? 'the constraint index' : r.ix.unique ? 'the unique index' : 'the index'} ${r.ix.name} under the ACCESS EXCLUSIVE lock (measured about 0.25 s per million rows on PostgreSQL 18)`,
    }));
  const around = ctx.typeArounds.get(group[0]!) ?? null;
  const aroundHazards = around?.hazards ?? [];
  // Every statement of the group carries the hazards that would withhold the ALTER: none runs without it.
  const hazards: Hazard[] = [...replaceable.map(replaceHazard), ...inPlaceHazards, ...aroundHazards];
  const drops = replaceable.map((r) =>
    statement(r.c, {
      phase: 'fixes',
      description: `drop index ${r.ix.name} on ${show(t)} before the type change (built again after it)`,
      sql: `DROP INDEX CONCURRENTLY IF EXISTS ${qualified({ schema: t.schema, name: r.ix.name })}`,
      guard: needed(`${groupCondition(group)} AND ${indexExists(t.schema, r.ix.name)}`),
      lockLevel: 'SHARE UPDATE EXCLUSIVE',
      locks: [t],
      transactional: false,
      hazards: [replaceHazard(r), ...inPlaceHazards, ...aroundHazards],
    }),
  );
  const builds = replaceable.flatMap((r) =>
    indexBuild(r.c, t, r.ix.index!, { concurrently: true }).map((s) => ({ ...s, phase: 'fixes' as const, hazards: [replaceHazard(r), ...inPlaceHazards, ...aroundHazards] })),
  );
  const alter = statement(group[0]!, {
    phase: 'fixes',
    description: `${group.length === 1 ? `${describe(group[0]!)}${utc ? ' (no rewrite, under TimeZone UTC)' : ''}` : groupDescription(group, utc ? 'no rewrite, under TimeZone UTC' : 'no rewrite')}${aroundDescription(around)}`,
    sql: aroundSql(utc ? underUtc(alterSql) : alterSql, around),
    guard,
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [t, ...(around?.locks ?? [])],
    duration: inPlace.length > 0 || around?.long ? 'long' : 'brief',
    hazards,
  });
  return built([...drops, alter, ...builds, ...afterAround(group, around, hazards, ctx)]);
}
