/**
 * Per-column settings of tables: `ALTER TABLE … ALTER COLUMN … SET STATISTICS`
 * (SHARE UPDATE EXCLUSIVE), `SET STORAGE` and `SET COMPRESSION` (a brief ACCESS
 * EXCLUSIVE; existing rows are not rewritten, values written from now on follow
 * them). A setting only the live column has is kept.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asNullable, asString, displayName, needed, notExtensionMember, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { ColumnSettingsObject } from './model.js';

export type { ColumnSettingsObject } from './model.js';

const STORAGE: Record<string, string> = { p: 'PLAIN', e: 'EXTERNAL', m: 'MAIN', x: 'EXTENDED' };
const COMPRESSION: Record<string, string> = { p: 'pglz', l: 'lz4' };

/** The three settings of attribute `a` (NULL where default), the same in the read and in the guards. */
const statisticsSql = (a: string): string => `CASE WHEN coalesce(${a}.attstattarget, -1) <> -1 THEN ${a}.attstattarget::int END`;
const storageSql = (a: string): string =>
  `CASE WHEN ${a}.attstorage <> (SELECT t.typstorage FROM pg_catalog.pg_type t WHERE t.oid = ${a}.atttypid) THEN ${a}.attstorage::text END`;
const compressionSql = (a: string): string => `NULLIF(${a}.attcompression::text, '')`;

// The type is joined (one hash join) rather than looked up per column: ~220 -> ~130 ms at
// 10,000 tables, most of what is left being the scan of pg_attribute itself.
const SQL = `
SELECT n.nspname AS schema, c.relname AS "table", a.attname AS "column",
       ${statisticsSql('a')} AS statistics, ${storageSql('a')} AS storage, ${compressionSql('a')} AS compression
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type ty ON ty.oid = a.atttypid
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('r', 'p')
  AND a.attnum > 0 AND NOT a.attisdropped
  AND (coalesce(a.attstattarget, -1) <> -1 OR a.attstorage <> ty.typstorage OR a.attcompression <> '')
  AND ${notExtensionMember('pg_class', 'c')}`;

const tableOf = (o: ColumnSettingsObject): { schema: string; name: string } => ({ schema: o.schema, name: o.table });
const settings = (o: ColumnSettingsObject): string[] => [
  ...(o.statistics !== null ? [`statistics ${o.statistics}`] : []),
  ...(o.storage !== null ? [`storage ${o.storage}`] : []),
  ...(o.compression !== null ? [`compression ${o.compression}`] : []),
];
const show = (o: ColumnSettingsObject): string => `settings of column ${displayName(o.schema, o.table)}.${showName(o.column)} (${settings(o).join(', ')})`;

const column = (o: ColumnSettingsObject, condition: string): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass(${literal(qualified(tableOf(o)))}) ` +
  `AND a.attname = ${literal(o.column)} AND NOT a.attisdropped AND ${condition})`;
const code = (map: Record<string, string>, value: string | null): string | null => (value === null ? null : (Object.entries(map).find(([, v]) => v === value)?.[0] ?? value));
const is = (sql: string, value: string | number | null): string => `${sql} IS NOT DISTINCT FROM ${value === null ? 'NULL' : typeof value === 'number' ? String(value) : literal(value)}`;
const statisticsIs = (o: ColumnSettingsObject): string => is(statisticsSql('a'), o.statistics);
const storageIs = (o: ColumnSettingsObject): string => is(storageSql('a'), code(STORAGE, o.storage));
const compressionIs = (o: ColumnSettingsObject): string => is(compressionSql('a'), code(COMPRESSION, o.compression));

function statements(d: ColumnSettingsObject, live: ColumnSettingsObject | null): ObjectStatement[] {
  const alter = `ALTER TABLE ${qualified(tableOf(d))} ALTER COLUMN ${ident(d.column)}`;
  const one = (what: string, sql: string, guard: string, lockLevel: ObjectStatement['lockLevel']): ObjectStatement => ({
    phase: 'fixes',
    description: `set ${what} of column ${displayName(d.schema, d.table)}.${showName(d.column)}`,
    sql: `${alter} ${sql}`,
    guard: needed(`${column(d, 'true')} AND NOT ${column(d, guard)}`),
    lockLevel,
    locks: [tableOf(d)],
  });
  const out: ObjectStatement[] = [];
  // Only what the model sets: a setting left at its default in the model is kept on the live column.
  if (d.statistics !== null && d.statistics !== live?.statistics) out.push(one(`the statistics target (${d.statistics})`, `SET STATISTICS ${d.statistics}`, statisticsIs(d), 'SHARE UPDATE EXCLUSIVE'));
  if (d.storage !== null && d.storage !== live?.storage) out.push(one(`the storage (${d.storage}; values written from now on)`, `SET STORAGE ${d.storage}`, storageIs(d), 'ACCESS EXCLUSIVE'));
  if (d.compression !== null && d.compression !== live?.compression) out.push(one(`the compression (${d.compression}; values written from now on)`, `SET COMPRESSION ${d.compression}`, compressionIs(d), 'ACCESS EXCLUSIVE'));
  return out;
}

export const columnSettingsKind: ObjectKindDef<ColumnSettingsObject> = {
  kind: 'column-settings',
  noun: 'column setting',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => {
    const storage = asNullable(r['storage']);
    const compression = asNullable(r['compression']);
    return {
      kind: 'column-settings',
      schema: asString(r['schema']),
      table: asString(r['table']),
      column: asString(r['column']),
      statistics: r['statistics'] === null || r['statistics'] === undefined ? null : Number(r['statistics']),
      storage: storage === null ? null : (STORAGE[storage] ?? storage),
      compression: compression === null ? null : (COMPRESSION[compression] ?? compression),
    };
  },
  identity: (o) => [o.schema, o.table, o.column],
  table: tableOf,
  display: show,
  dependsOn: () => [],
  // A setting the model leaves at its default is not a difference: the live one is kept.
  differs: (d, l) => [
    ...(d.statistics !== null && d.statistics !== l.statistics ? ['statistics'] : []),
    ...(d.storage !== null && d.storage !== l.storage ? ['storage'] : []),
    ...(d.compression !== null && d.compression !== l.compression ? ['compression'] : []),
  ],
  create: (o) => statements(o, null),
  repair: (d, l) => statements(d, l),
  text: (o) => statements(o, null).map((s) => `${s.sql};`).join('\n'),
  drop: (o) => `ALTER TABLE ${qualified(tableOf(o))} ALTER COLUMN ${ident(o.column)} SET STATISTICS -1`,
  present: (o) =>
    column(o, [...(o.statistics !== null ? [statisticsIs(o)] : []), ...(o.storage !== null ? [storageIs(o)] : []), ...(o.compression !== null ? [compressionIs(o)] : []), 'true'].join(' AND ')),
};
