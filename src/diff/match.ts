/**
 * Pairing declared and live objects by structure. Stages run in order (for
 * example exact behaviour first, then identity only), and within a stage an
 * object with the same name is preferred, so renames pair up predictably.
 */
export interface Matched<T> {
  readonly pairs: readonly (readonly [declared: T, live: T])[];
  readonly missing: readonly T[];
  readonly extra: readonly T[];
}

export function matchBy<T extends { readonly name: string }>(
  declared: readonly T[],
  live: readonly T[],
  stages: readonly ((x: T) => string)[],
): Matched<T> {
  let restDeclared = [...declared];
  let restLive = [...live];
  const pairs: (readonly [T, T])[] = [];
  for (const key of stages) {
    const buckets = new Map<string, T[]>();
    for (const l of restLive) {
      const k = key(l);
      const b = buckets.get(k);
      if (b) b.push(l);
      else buckets.set(k, [l]);
    }
    const used = new Set<T>();
    const stillMissing: T[] = [];
    for (const d of restDeclared) {
      const bucket = buckets.get(key(d));
      if (!bucket || bucket.length === 0) {
        stillMissing.push(d);
        continue;
      }
      const sameName = bucket.findIndex((l) => l.name === d.name);
      const [l] = bucket.splice(sameName >= 0 ? sameName : 0, 1);
      if (l === undefined) continue;
      used.add(l);
      pairs.push([d, l]);
    }
    restDeclared = stillMissing;
    restLive = restLive.filter((l) => !used.has(l));
  }
  return { pairs, missing: restDeclared, extra: restLive };
}
