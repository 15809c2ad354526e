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
  let restDeclared: readonly T[] = declared;
  let restLive: readonly T[] = live;
  const pairs: (readonly [T, T])[] = [];
  for (const key of stages) {
    // Nothing left on one side: no later stage can pair anything either.
    if (restDeclared.length === 0 || restLive.length === 0) break;
    const buckets = new Map<string, T[]>();
    for (const l of restLive) {
      const k = key(l);
      const b = buckets.get(k);
      if (b) b.push(l);
      else buckets.set(k, [l]);
    }
    const used = new Set<T>();
    const paired: { i: number; pair: readonly [T, T] }[] = [];
    const take = (d: T, i: number, bucket: T[], at: number): void => {
      const [l] = bucket.splice(at, 1);
      if (l === undefined) return;
      used.add(l);
      paired.push({ i, pair: [d, l] });
    };
    // Same-name pairs first, so an earlier declared twin cannot take a later one's namesake.
    const pending: { d: T; i: number; bucket: T[] | undefined }[] = [];
    restDeclared.forEach((d, i) => {
      const bucket = buckets.get(key(d));
      const sameName = bucket ? bucket.findIndex((l) => l.name === d.name) : -1;
      if (bucket && sameName >= 0) take(d, i, bucket, sameName);
      else pending.push({ d, i, bucket });
    });
    const stillMissing: T[] = [];
    for (const { d, i, bucket } of pending) {
      if (!bucket || bucket.length === 0) stillMissing.push(d);
      else take(d, i, bucket, 0);
    }
    if (paired.length > 0) {
      pairs.push(...paired.sort((a, b) => a.i - b.i).map((p) => p.pair));
      restLive = restLive.filter((l) => !used.has(l));
    }
    restDeclared = stillMissing;
  }
  return { pairs, missing: [...restDeclared], extra: [...restLive] };
}
