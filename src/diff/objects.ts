/**
 * The registry kinds compared: by key (kind and identity), then by each kind's
 * own `differs`. Extra live objects are reported, never dropped.
 */
import { describeObject, keyOf, kindOf, type CatalogObject } from '../objects/index.js';
import type { Change } from './changes.js';

export function compareObjects(declared: readonly CatalogObject[], live: readonly CatalogObject[]): Change[] {
  const out: Change[] = [];
  const liveByKey = new Map(live.map((o) => [keyOf(o), o]));
  const declaredKeys = new Set(declared.map(keyOf));
  const dependents = (key: string): string[] => live.filter((o) => kindOf(o).dependsOn(o).includes(key)).map(describeObject);
  for (const d of declared) {
    const k = keyOf(d);
    const l = liveByKey.get(k);
    if (!l) {
      out.push({ kind: 'missing-object', object: d });
      continue;
    }
    const aspects = kindOf(d).differs(d, l);
    if (aspects.length > 0) out.push({ kind: 'object-differs', declared: d, live: l, aspects, dependents: dependents(k) });
  }
  for (const l of live) if (!declaredKeys.has(keyOf(l))) out.push({ kind: 'extra-object', object: l });
  return out;
}
