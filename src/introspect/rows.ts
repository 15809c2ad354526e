/**
 * Which tables hold rows: decides between plain and concurrent index builds,
 * direct and NOT VALID constraints. One statement per batch of tables, each
 * table probed with `EXISTS (SELECT 1 ... )`, which reads at most one row.
 *
 * A partitioned table holds no rows itself: its partitions do. When one is asked
 * about, every partition below it (pg_partition_tree) is probed as well and
 * reported on its own, so that a plan for the parent (an index built ON ONLY the
 * parent, then per partition) knows which partitions need a concurrent build.
 */
import type { Queryable } from '../db/pool.js';
import type { QualifiedName } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { qualified } from '../render/quote.js';

const BATCH = 200;

/**
 * The asked tables that may hold rows, with every partition below the partitioned
 * ones. A name that is gone is skipped, not an error. A table with no pages holds
 * no row: only the others (and partitioned tables, whose rows live in partitions)
 * need the EXISTS probe. `i` is the asked table's ordinal (1-based).
 */
const CANDIDATES_SQL = `
WITH asked AS (
  SELECT t.i, c.oid, c.relkind
  FROM unnest($1::text[]) WITH ORDINALITY AS t(name, i)
  JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(t.name)
)
SELECT a.i, NULL::text AS schema, NULL::text AS name
FROM asked a
WHERE a.relkind = 'p' OR pg_catalog.pg_relation_size(a.oid) > 0
UNION ALL
SELECT a.i, pn.nspname::text, pc.relname::text
FROM asked a
CROSS JOIN LATERAL pg_catalog.pg_partition_tree(a.oid) pt
JOIN pg_catalog.pg_class pc ON pc.oid = pt.relid
JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
WHERE a.relkind = 'p' AND pt.relid <> a.oid
  AND (pc.relkind = 'p' OR (pc.relkind = 'r' AND pg_catalog.pg_relation_size(pc.oid) > 0))`;

export async function tablesWithRows(db: Queryable, tables: readonly QualifiedName[]): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Map(tables.map((t) => [qualifiedKey(t), t])).values()];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const present = await db.query<{ i: number; schema: string | null; name: string | null }>(CANDIDATES_SQL, [batch.map((t) => qualified(t))]);
    // Each table to probe once (a partition may be asked about and lie below an asked parent too).
    const probe = new Map<string, QualifiedName>();
    for (const r of present.rows) {
      const t = r.schema !== null && r.name !== null ? { schema: r.schema, name: r.name } : batch[Number(r.i) - 1];
      if (t) probe.set(qualifiedKey(t), t);
    }
    const list = [...probe.values()];
    for (let j = 0; j < list.length; j += BATCH) {
      const part = list.slice(j, j + BATCH);
      const sql = part.map((t, k) => `SELECT ${k} AS i WHERE EXISTS (SELECT 1 FROM ${qualified(t)})`).join(' UNION ALL ');
      const res = await db.query<{ i: number }>(sql);
      for (const r of res.rows) found.add(qualifiedKey(part[Number(r.i)]!));
    }
  }
  return found;
}
