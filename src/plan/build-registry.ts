/**
 * Statements for the registry kinds (src/objects/): each kind proposes its
 * statements; here they get their change attached, and registry changes are
 * ordered so that an object comes after the objects it depends on.
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName } from '../model/types.js';
import { describeObject, keyOf, kindOf, type ObjectStatement } from '../objects/index.js';
import { displayName } from '../objects/sql.js';
import { built, holdsRows, statement, type BuildContext, type Built } from './build-context.js';
import type { Hazard, Note, Statement } from './types.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;

/** A kind's statement as a plan statement: its change attached; a rewrite of a table holding rows is a hazard. */
export function attach(c: Change, s: ObjectStatement, ctx: BuildContext): Statement {
  const { rewrites, recreates: _recreates, ...rest } = s;
  const rewrite: Hazard[] =
    rewrites && holdsRows(ctx, rewrites)
      ? [{ kind: 'rewrite', message: `${displayName(rewrites.schema, rewrites.name)} is rewritten under an ACCESS EXCLUSIVE lock (reads and writes wait for the whole rewrite)` }]
      : [];
  return statement(c, { ...rest, transactional: s.transactional ?? true, hazards: [...(s.hazards ?? []), ...rewrite] });
}

/**
 * Declared comments on the indexes or constraints `names` of `table` that the live database holds
 * as they are: PostgreSQL drops a comment with its object, so a drop and create (an index rebuilt,
 * a key or check replaced) sets them again after it, guarded.
 */
export function commentsAgain(source: Change, ctx: BuildContext, on: 'index' | 'constraint', table: QualifiedName, names: readonly string[]): Statement[] {
  const live = new Set((ctx.objects?.live ?? []).map(keyOf));
  return (ctx.objects?.declared ?? [])
    .filter((o) => o.kind === 'comment' && o.on === on && o.schema === table.schema && o.name === table.name && names.includes(o.sub) && live.has(keyOf(o)))
    .flatMap((o) => kindOf(o).create(o).map((s) => attach(source, { ...s, description: `${s.description} (again, after the drop and create)` }, ctx)));
}

/** Roles the object names that the live server lacks: creating it would fail, so it is not planned. */
function rolesLacking(c: Change, o: Of<'missing-object'>['object'], ctx: BuildContext): Built | null {
  const lacking = ctx.liveRoles ? (kindOf(o).roles?.(o) ?? []).filter((r) => !ctx.liveRoles?.has(r)) : [];
  if (lacking.length === 0) return null;
  const names = [...new Set(lacking)].map((r) => JSON.stringify(r)).join(', ');
  return built([], [
    {
      level: 'warning',
      message: `${describeObject(o)} is not made: the live server has no role ${names} (roles are not created by this tool: create ${lacking.length === 1 ? 'it' : 'them'}, then plan again)`,
      source: c,
    },
  ]);
}

/** Existing tables the registry kinds' statements would rewrite: to probe for rows (the `rewrite` hazard needs to know). */
export function tablesRewritten(changes: readonly Change[]): QualifiedName[] {
  return changes.flatMap((c) => (c.kind === 'missing-object' ? kindOf(c.object).create(c.object).flatMap((s) => (s.rewrites ? [s.rewrites] : [])) : []));
}

export function missingObject(c: Of<'missing-object'>, ctx: BuildContext): Built {
  return rolesLacking(c, c.object, ctx) ?? built(kindOf(c.object).create(c.object).map((s) => attach(c, s, ctx)));
}

export function objectDiffers(c: Of<'object-differs'>, ctx: BuildContext): Built {
  const def = kindOf(c.declared);
  if (c.live.kind !== c.declared.kind) return built();
  const lacking = rolesLacking(c, c.declared, ctx);
  if (lacking) return lacking;
  const why = def.unrepairable?.(c.declared, c.live as typeof c.declared, c.aspects) ?? null;
  if (why) return built([], [{ level: 'warning', message: `${describeObject(c.declared)} differs (${c.aspects.join(', ')}) and is not changed: ${why}`, source: c }]);
  const around = c.recreate
    ? {
        drops: [...c.recreate].reverse().map((p) => kindOf(p.live).drop(p.live)),
        creates: c.recreate.flatMap((p) => kindOf(p.declared).create(p.declared).map((s) => s.sql)),
      }
    : null;
  const repair = def.repair(c.declared, c.live as typeof c.declared, c.aspects, { dependents: c.dependents, around });
  // A drop-and-create loses the grants and comments on what it drops: set again (guarded: skipped when kept).
  const again = repair.some((s) => s.recreates) ? (c.carried ?? []).flatMap((o) => kindOf(o).create(o).map((s) => ({ ...s, description: `${s.description} (again, after the drop and create)` }))) : [];
  return built([...repair, ...again].map((s) => attach(c, s, ctx)));
}

export function extraObject(c: Of<'extra-object'>): Built {
  const def = kindOf(c.object);
  const what = describeObject(c.object);
  const risk = def.extraRisk?.(c.object);
  if (risk) return built([], [{ level: 'warning', message: `${what} is in the live database, not in the model: kept, but ${risk}`, source: c }]);
  if (def.securityRelevant) {
    return built([], [{ level: 'warning', message: `${what} is in the live database, not in the model: kept, but it changes who may read or write which rows (security-relevant)`, source: c }]);
  }
  return built([], [{ level: 'info', message: `${what} is not in the model (kept)`, source: c }]);
}

const objectOf = (c: Change): ReturnType<typeof keyOf> | null =>
  c.kind === 'missing-object' ? keyOf(c.object) : c.kind === 'object-differs' ? keyOf(c.declared) : null;

/**
 * Registry changes after the others, in dependency order (depth first over
 * `dependsOn`, so chains and diamonds need no special case; a cycle, which
 * PostgreSQL itself would refuse, keeps the input order).
 */
export function orderByDependencies(changes: readonly Change[]): Change[] {
  const rest = changes.filter((c) => objectOf(c) === null);
  const objects = changes.filter((c) => objectOf(c) !== null);
  const byKey = new Map(objects.map((c) => [objectOf(c) ?? '', c]));
  const out: Change[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (c: Change): void => {
    const k = objectOf(c) ?? '';
    if (state.has(k)) return;
    state.set(k, 'visiting');
    const o = c.kind === 'missing-object' ? c.object : c.kind === 'object-differs' ? c.declared : null;
    for (const dep of o ? kindOf(o).dependsOn(o) : []) {
      const d = byKey.get(dep);
      if (d) visit(d);
    }
    state.set(k, 'done');
    out.push(c);
  };
  objects.forEach(visit);
  return [...rest, ...out];
}

/** More extra grants to one grantee than this are shown as one warning (every one stays in the JSON changes). */
const GRANTS_SHOWN = 3;

/**
 * A live database often grants a role on every table (a read-only role, say): one warning per
 * privilege would bury the rest. Per grantee, more than a few extra grants become one warning
 * that counts them and names the first.
 */
export function foldExtraGrants(notes: readonly Note[]): Note[] {
  const grantee = (n: Note): string | null => (n.source?.kind === 'extra-object' && n.source.object.kind === 'grant' ? n.source.object.grantee : null);
  const groups = new Map<string, Note[]>();
  for (const n of notes) {
    const g = grantee(n);
    if (g !== null) groups.set(g, [...(groups.get(g) ?? []), n]);
  }
  const out: Note[] = [];
  for (const n of notes) {
    const g = grantee(n);
    const group = g === null ? undefined : groups.get(g);
    if (!group || group.length <= GRANTS_SHOWN) {
      out.push(n);
      continue;
    }
    if (group[0] !== n) continue;
    const who = g === 'public' ? 'PUBLIC' : JSON.stringify(g);
    const first = group.slice(0, GRANTS_SHOWN).map((x) => (x.source?.kind === 'extra-object' ? describeObject(x.source.object) : ''));
    out.push({
      level: 'warning',
      message: `${group.length} grants to ${who} are in the live database, not in the model: kept, but they change who may read or write which rows (security-relevant): ${first.join('; ')}; and ${group.length - GRANTS_SHOWN} more (each in --format json)`,
      source: n.source,
    });
  }
  return out;
}
