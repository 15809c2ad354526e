/**
 * What the catalog holds that the model does not compare yet, counted by kind
 * in one query, so a report can say "not compared: 2 foreign tables, 1 operator"
 * instead of dropping them silently. Scoped to the schemas read, except for
 * database-wide objects (foreign servers, casts, procedural languages).
 */
import type { NotCompared } from './model.js';
import { EXTENSION_MEMBERS_CTE, pluralOf } from './sql.js';

/** Extension members, read once for all the counts (`ext`, a materialized CTE: one scan of pg_depend). */
const notExtensionMember = (catalog: string, alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = '${catalog}'::regclass AND ext.objid = ${alias}.oid)`;

const inSchemas = (nsp: string): string => `${nsp} IN (SELECT oid FROM pg_namespace WHERE nspname = ANY($1))`;

/** A count of `catalog` rows in the schemas read (`nsp`: its schema column), extension members left out. */
const inScope = (catalog: string, nsp: string, where = 'true'): string =>
  `SELECT count(*) FROM ${catalog} o WHERE (${where}) AND ${inSchemas(`o.${nsp}`)} AND ${notExtensionMember(catalog, 'o')}`;
/** Database-wide objects made by users (not by initdb, not by an extension). */
const userMade = (catalog: string, where = 'true'): string =>
  `SELECT count(*) FROM ${catalog} o WHERE (${where}) AND o.oid >= 16384 AND ${notExtensionMember(catalog, 'o')}`;

const COUNTS: readonly [string, string][] = [
  ['foreign table', inScope('pg_class', 'relnamespace', `o.relkind = 'f'`)],
  ['foreign server', userMade('pg_foreign_server')],
  ['operator', inScope('pg_operator', 'oprnamespace')],
  ['operator class', inScope('pg_opclass', 'opcnamespace')],
  // Not the casts PostgreSQL makes with a range type's multirange (an internal dependency on it).
  ['cast', userMade('pg_cast', `NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_cast'::regclass AND i.objid = o.oid AND i.deptype = 'i')`)],
  ['base type', inScope('pg_type', 'typnamespace', `(o.typtype = 'b' AND o.typcategory <> 'A') OR (o.typtype = 'p' AND NOT o.typisdefined)`)],
  ['text search configuration', inScope('pg_ts_config', 'cfgnamespace')],
  ['text search dictionary', inScope('pg_ts_dict', 'dictnamespace')],
  ['conversion', inScope('pg_conversion', 'connamespace')],
  ['procedural language', userMade('pg_language')],
];

export const NOT_COMPARED_SQL =
  `WITH ${EXTENSION_MEMBERS_CTE}\n` +
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
