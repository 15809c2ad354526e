/**
 * What the catalog holds that the model does not compare yet, counted by kind
 * in one query, so a report can say "not compared: 2 aggregates, 1 event trigger"
 * instead of dropping them silently. Scoped to the schemas read, except for
 * database-wide objects (event triggers).
 */
import type { NotCompared } from './model.js';
import { pluralOf } from './sql.js';

/** Extension members, read once for all the counts (`ext`, a materialized CTE: one scan of pg_depend). */
const notExtensionMember = (catalog: string, alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = '${catalog}'::regclass AND ext.objid = ${alias}.oid)`;

const inSchemas = (nsp: string): string => `${nsp} IN (SELECT oid FROM pg_namespace WHERE nspname = ANY($1))`;

const COUNTS: readonly [string, string][] = [
  ['foreign table', `SELECT count(*) FROM pg_class c WHERE c.relkind = 'f' AND ${inSchemas('c.relnamespace')} AND ${notExtensionMember('pg_class', 'c')}`],
  ['event trigger', `SELECT count(*) FROM pg_event_trigger e WHERE ${notExtensionMember('pg_event_trigger', 'e')}`],
  ['aggregate', `SELECT count(*) FROM pg_proc p WHERE p.prokind = 'a' AND ${inSchemas('p.pronamespace')} AND ${notExtensionMember('pg_proc', 'p')}`],
  // Inheritance (not partitioning): the child's own columns and keys are compared, the INHERITS link is not.
  [
    'inheritance link',
    `SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relkind = 'r' AND NOT c.relispartition AND ${inSchemas('c.relnamespace')} AND ${notExtensionMember('pg_class', 'c')}`,
  ],
];

export const NOT_COMPARED_SQL =
  `WITH ext AS MATERIALIZED (SELECT classid, objid FROM pg_depend WHERE deptype = 'e')\n` +
  COUNTS.map(([kind, sql], i) => `SELECT ${i} AS ord, '${kind}' AS kind, (${sql})::int AS count`).join('\nUNION ALL\n');

export function notComparedFromRows(rows: readonly { kind: string; count: number; ord: number }[]): NotCompared[] {
  return [...rows].filter((r) => Number(r.count) > 0).sort((a, b) => a.ord - b.ord).map((r) => ({ kind: r.kind, count: Number(r.count) }));
}

const plural = (n: number, kind: string): string => (n === 1 ? kind : pluralOf(kind));

/** "2 aggregates, 1 event trigger", or null when there is nothing. */
export function notComparedText(items: readonly NotCompared[] | undefined): string | null {
  if (!items || items.length === 0) return null;
  return items.map((i) => `${i.count} ${plural(i.count, i.kind)}`).join(', ');
}
