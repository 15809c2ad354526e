/**
 * Statements for the registry kinds (src/objects/): each kind proposes its
 * statements; here they get their change attached, and registry changes are
 * ordered so that an object comes after the objects it depends on.
 */
import type { Change } from '../diff/changes.js';
import { describeObject, keyOf, kindOf, type ObjectStatement } from '../objects/index.js';
import { built, statement, type Built } from './build-context.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;

const attach = (c: Change, s: ObjectStatement) => statement(c, { ...s, transactional: true });

export function missingObject(c: Of<'missing-object'>): Built {
  return built(kindOf(c.object).create(c.object).map((s) => attach(c, s)));
}

export function objectDiffers(c: Of<'object-differs'>): Built {
  const def = kindOf(c.declared);
  if (c.live.kind !== c.declared.kind) return built();
  const around = c.recreate
    ? {
        drops: [...c.recreate].reverse().map((p) => kindOf(p.live).drop(p.live)),
        creates: c.recreate.flatMap((p) => kindOf(p.declared).create(p.declared).map((s) => s.sql)),
      }
    : null;
  return built(def.repair(c.declared, c.live as typeof c.declared, c.aspects, { dependents: c.dependents, around }).map((s) => attach(c, s)));
}

export function extraObject(c: Of<'extra-object'>): Built {
  const def = kindOf(c.object);
  const what = describeObject(c.object);
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
