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
    // A name that is gone is skipped, not an error. A table with no pages holds no row: only the
    // others (and partitioned tables, whose rows live in partitions) need the EXISTS probe.
    const present = await db.query<{ i: number }>(
      `SELECT t.i FROM unnest($1::text[]) WITH ORDINALITY AS t(name, i)
       JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(t.name)
       WHERE c.relkind = 'p' OR pg_catalog.pg_relation_size(c.oid) > 0`,
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
