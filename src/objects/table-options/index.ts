/**
 * Storage parameters of tables (`ALTER TABLE … SET (…)` / `RESET (…)`): a catalog
 * change that applies to pages written from now on, nothing is rewritten, under
 * SHARE UPDATE EXCLUSIVE (reads and writes go on; `user_catalog_table` takes
 * ACCESS EXCLUSIVE). A live table with parameters the model lacks keeps them.
 */
import { literal, qualified, storageParameterChange, storageParameterNames, storageParameters } from '../../render/quote.js';
import { asString, asStrings, displayName, needed, notExtensionMember, textArray } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { TableOptionsObject } from './model.js';

export type { TableOptionsObject } from './model.js';

/** The parameters of table `c` and of its TOAST table (`toast`: their array, prefixed `toast.`), sorted. */
const optionsOf = (c: string, toast: string): string =>
  `ARRAY(SELECT o FROM unnest(coalesce(${c}.reloptions, '{}'::text[]) || ${toast}) o ORDER BY o COLLATE "C")`;
const optionsSql = (c: string): string =>
  optionsOf(c, `ARRAY(SELECT 'toast.' || t FROM pg_catalog.pg_class tc, unnest(tc.reloptions) t WHERE tc.oid = ${c}.reltoastrelid)`);

// TOAST tables with parameters are joined (a small hash join) and tables without parameters are
// left out before the array is built: building it for every table cost ~70 ms at 10,000 tables.
const SQL = `
SELECT n.nspname AS schema, c.relname AS name, ${optionsOf('c', `ARRAY(SELECT 'toast.' || t FROM unnest(tc.reloptions) t)`)} AS options
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN (SELECT oid, reloptions FROM pg_class WHERE relkind = 't' AND reloptions IS NOT NULL) tc ON tc.oid = c.reltoastrelid
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('r', 'p')
  AND (cardinality(c.reloptions) > 0 OR cardinality(tc.reloptions) > 0)
  AND ${notExtensionMember('pg_class', 'c')}`;

const tableOf = (o: TableOptionsObject): { schema: string; name: string } => ({ schema: o.schema, name: o.name });
const show = (o: TableOptionsObject): string => `storage parameters of ${displayName(o.schema, o.name)} (${storageParameters(o.options)})`;
const present = (o: TableOptionsObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass(${literal(qualified(tableOf(o)))}) AND ${optionsSql('c')} = ${textArray(o.options)})`;

function set(d: TableOptionsObject, live: readonly string[], description: string): ObjectStatement {
  const { clauses: actions, touched } = storageParameterChange(d.options, live);
  return {
    phase: 'fixes',
    description,
    sql: `ALTER TABLE ${qualified(tableOf(d))} ${actions.join(', ')}`,
    guard: needed(`NOT ${present(d)}`),
    lockLevel: touched.includes('user_catalog_table') ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE',
    locks: [tableOf(d)],
  };
}

export const tableOptionsKind: ObjectKindDef<TableOptionsObject> = {
  kind: 'table-options',
  noun: 'table storage setting',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => ({ kind: 'table-options', schema: asString(r['schema']), name: asString(r['name']), options: asStrings(r['options']) }),
  identity: (o) => [o.schema, o.name],
  table: tableOf,
  display: show,
  dependsOn: () => [],
  differs: (d, l) => (d.options.join('\0') === l.options.join('\0') ? [] : ['options']),
  create: (o) => [set(o, [], `set ${show(o)} (pages written from now on; no rewrite)`)],
  repair: (d, l) => [set(d, l.options, `set ${show(d)} (live: ${storageParameters(l.options)}; pages written from now on; no rewrite)`)],
  text: (o) => `ALTER TABLE ${qualified(tableOf(o))} SET (${storageParameters(o.options)});`,
  drop: (o) => `ALTER TABLE ${qualified(tableOf(o))} RESET (${storageParameterNames(o.options)})`,
  present,
};
