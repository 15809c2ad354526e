/**
 * The registry kinds compared: by key (kind and identity), then by each kind's
 * own `differs`. Extra live objects are reported, never dropped.
 */
import { describeObject, keyOf, kindOf, type CatalogObject } from '../objects/index.js';
import type { Change } from './changes.js';

/**
 * Live objects that depend on `key`, directly or not, in creation order (reverse post-order).
 * What is part of a dependent (a rule on a view) goes with it: not a dependent of its own.
 */
export function dependentsOf(key: string, live: readonly CatalogObject[]): CatalogObject[] {
  const seen = new Set<string>();
  const order: CatalogObject[] = [];
  const visit = (k: string): void => {
    for (const o of live) {
      const ok = keyOf(o);
      if (seen.has(ok) || !kindOf(o).dependsOn(o).includes(k) || (kindOf(o).partOf?.(o) ?? []).includes(k)) continue;
      seen.add(ok);
      visit(ok);
      order.push(o);
    }
  };
  visit(key);
  return order.reverse();
}

export function compareObjects(declared: readonly CatalogObject[], live: readonly CatalogObject[], schemas: readonly string[] = []): Change[] {
  const out: Change[] = [];
  const ctx = { schemas: new Set(['pg_catalog', ...schemas]) };
  const liveByKey = new Map(live.map((o) => [keyOf(o), o]));
  const declaredByKey = new Map(declared.map((o) => [keyOf(o), o]));
  const carriedBefore = new Set<string>();
  for (const d of declared) {
    const k = keyOf(d);
    const l = liveByKey.get(k);
    if (!l) {
      if (kindOf(d).held?.(d, liveByKey)) continue;
      out.push({ kind: 'missing-object', object: d });
      continue;
    }
    const aspects = kindOf(d).differs(d, l, ctx);
    if (aspects.length === 0) continue;
    const deps = dependentsOf(k, live);
    const pairs = deps.map((o) => ({ live: o, declared: kindOf(o).recreatable ? declaredByKey.get(keyOf(o)) : undefined }));
    const complete = pairs.every((p): p is { live: CatalogObject; declared: CatalogObject } => p.declared !== undefined);
    const recreate = complete ? pairs : null;
    const dropped = new Set([k, ...deps.map(keyOf)]);
    // Set again once: a view dropped with its own change and as a dependent of another's carries them twice.
    const carried = declared.filter((o) => liveByKey.has(keyOf(o)) && !carriedBefore.has(keyOf(o)) && (kindOf(o).partOf?.(o) ?? []).some((p) => dropped.has(p)));
    for (const o of carried) carriedBefore.add(keyOf(o));
    out.push({ kind: 'object-differs', declared: d, live: l, aspects, dependents: deps.map(describeObject), recreate, ...(carried.length ? { carried } : {}) });
  }
  for (const l of live) if (!declaredByKey.has(keyOf(l)) && !kindOf(l).held?.(l, liveByKey)) out.push({ kind: 'extra-object', object: l });
  return out;
}
