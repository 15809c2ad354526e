/**
 * Which tables hold rows: decides between plain and concurrent index builds,
 * direct and NOT VALID constraints. One statement per batch of tables, each
 * table probed with `EXISTS (SELECT 1 ... )`, which reads at most one row.
 */
import type { Queryable } from '../db/pool.js';
import type { QualifiedName } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { qualified } from '../render/quote.js';

const BATCH = 200;

export async function tablesWithRows(db: Queryable, tables: readonly QualifiedName[]): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Map(tables.map((t) => [qualifiedKey(t), t])).values()];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    // Tables are checked for existence first (to_regclass), so a name that is gone is skipped, not an error.
    const present = await db.query<{ i: number }>(
      'SELECT i FROM unnest($1::text[]) WITH ORDINALITY AS t(name, i) WHERE pg_catalog.to_regclass(name) IS NOT NULL',
      [batch.map((t) => qualified(t))],
    );
    const ids = present.rows.map((r) => Number(r.i) - 1);
    if (ids.length === 0) continue;
    const sql = ids.map((k) => `SELECT ${k} AS i WHERE EXISTS (SELECT 1 FROM ${qualified(batch[k]!)})`).join(' UNION ALL ');
    const res = await db.query<{ i: number }>(sql);
    for (const r of res.rows) found.add(qualifiedKey(batch[Number(r.i)]!));
  }
  return found;
}
