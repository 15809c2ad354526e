/**
 * The registry kinds' bulk queries (one per kind for the whole database, `$1` the
 * schemas) and the count of what the model does not compare, run concurrently.
 */
import type { Queryable } from '../db/pool.js';
import { OBJECT_KINDS, REGISTRY, sortObjects, type CatalogObject, type NotCompared } from '../objects/index.js';
import { NOT_COMPARED_SQL, notComparedFromRows } from '../objects/not-compared.js';

type Rows = <R extends object>(db: Queryable, sql: string, params?: unknown[]) => Promise<R[]>;

export async function readObjects(
  db: Queryable,
  rows: Rows,
  serverVersion: number,
  schemas: readonly string[],
): Promise<{ objects: CatalogObject[]; notCompared: NotCompared[] }> {
  const p = [schemas];
  const [counted, ...perKind] = await Promise.all([
    rows<{ kind: string; count: number; ord: number }>(db, NOT_COMPARED_SQL, p),
    ...OBJECT_KINDS.map(async (k) => {
      const def = REGISTRY[k];
      const found = await rows<Record<string, unknown>>(db, def.sql(serverVersion), p);
      return found.map((r) => def.fromRow(r) as CatalogObject);
    }),
  ]);
  return { objects: sortObjects(perKind.flat()), notCompared: notComparedFromRows(counted) };
}
