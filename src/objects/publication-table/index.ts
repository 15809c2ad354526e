/**
 * Tables of publications: a missing one is added with `ALTER PUBLICATION … ADD
 * TABLE` (SHARE UPDATE EXCLUSIVE on the table: reads and writes go on), after the
 * publication and the table exist, with its row filter and column list
 * (PostgreSQL 15+). One published with another filter or list is dropped from the
 * publication and added again in one transaction (its subscribers keep their
 * place: the table stays subscribed). An extra live member is kept and shown
 * (dropping it would stop replicating the table).
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asString, asStrings, atomically, displayName, needed, objectKey, showName, textArray } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { PublicationTableObject } from './model.js';

export type { PublicationTableObject } from './model.js';

const columnsSql = (pr: string): string =>
  `CASE WHEN ${pr}.prattrs IS NOT NULL THEN ARRAY(SELECT quote_ident(a.attname) FROM unnest(${pr}.prattrs::int2[]) WITH ORDINALITY k(num, i) ` +
  `JOIN pg_attribute a ON a.attrelid = ${pr}.prrelid AND a.attnum = k.num ORDER BY k.i) END`;
const filterSql = (pr: string): string => `CASE WHEN ${pr}.prqual IS NOT NULL THEN pg_get_expr(${pr}.prqual, ${pr}.prrelid) END`;

const sql = (serverVersion: number): string => `
SELECT p.pubname AS publication, n.nspname AS schema, c.relname AS "table",
       ${serverVersion >= 150000 ? `${filterSql('pr')} AS row_filter, ${columnsSql('pr')} AS columns` : 'NULL::text AS row_filter, NULL::text[] AS columns'}
FROM pg_publication_rel pr
JOIN pg_publication p ON p.oid = pr.prpubid
JOIN pg_class c ON c.oid = pr.prrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)`;

const tableOf = (m: PublicationTableObject): { schema: string; name: string } => ({ schema: m.schema, name: m.table });
const shape = (m: PublicationTableObject): string =>
  `${m.columns ? ` (${m.columns.join(', ')})` : ''}${m.rowFilter !== null ? ` WHERE (${m.rowFilter})` : ''}`;
const show = (m: PublicationTableObject): string => `${displayName(m.schema, m.table)}${shape(m)} in publication ${showName(m.publication)}`;
const member = (m: PublicationTableObject, condition: string): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid ` +
  `WHERE p.pubname = ${literal(m.publication)} AND pr.prrelid = pg_catalog.to_regclass(${literal(qualified(tableOf(m)))})${condition})`;
/**
 * Published as declared. Without a filter or list the check reads them through to_jsonb
 * (absent before PostgreSQL 15), so the guard runs on every version.
 */
const present = (m: PublicationTableObject): string =>
  member(
    m,
    (m.rowFilter === null ? ` AND (pg_catalog.to_jsonb(pr) ->> 'prqual') IS NULL` : ` AND ${filterSql('pr')} = ${literal(m.rowFilter)}`) +
      (m.columns === null ? ` AND (pg_catalog.to_jsonb(pr) ->> 'prattrs') IS NULL` : ` AND ${columnsSql('pr')} = ${textArray(m.columns)}`),
  );
const addSql = (m: PublicationTableObject): string => `ALTER PUBLICATION ${ident(m.publication)} ADD TABLE ${qualified(tableOf(m))}${shape(m)}`;
const dropSql = (m: PublicationTableObject): string => `ALTER PUBLICATION ${ident(m.publication)} DROP TABLE ${qualified(tableOf(m))}`;

const statement = (m: PublicationTableObject, description: string, sqlText: string, guard: string): ObjectStatement => ({
  phase: 'publications',
  description,
  sql: sqlText,
  guard: needed(guard),
  lockLevel: 'SHARE UPDATE EXCLUSIVE',
  locks: [tableOf(m)],
});

export const publicationTableKind: ObjectKindDef<PublicationTableObject> = {
  kind: 'publication-table',
  noun: 'publication table',
  securityRelevant: true,
  extraRisk: () => 'its rows are sent to the publication\'s subscribers',
  sql,
  fromRow: (r) => ({
    kind: 'publication-table',
    publication: asString(r['publication']),
    schema: asString(r['schema']),
    table: asString(r['table']),
    rowFilter: r['row_filter'] === null || r['row_filter'] === undefined ? null : asString(r['row_filter']),
    columns: Array.isArray(r['columns']) ? asStrings(r['columns']) : null,
  }),
  identity: (m) => [m.publication, m.schema, m.table],
  table: tableOf,
  display: show,
  dependsOn: (m) => [objectKey('publication', [m.publication])],
  // Dropping and creating the publication drops its tables: they are added again.
  partOf: (m) => [objectKey('publication', [m.publication])],
  differs: (d, l) => [
    ...(d.rowFilter !== l.rowFilter ? ['row-filter'] : []),
    ...((d.columns ?? []).join('\0') !== (l.columns ?? []).join('\0') || (d.columns === null) !== (l.columns === null) ? ['columns'] : []),
  ],
  create: (m) => [statement(m, `add ${show(m)}`, addSql(m), `NOT ${member(m, '')}`)],
  repair: (d, l) => [
    statement(d, `publish ${show(d)} (live: ${shape(l).trim() || 'every row and column'})`, atomically([dropSql(l), addSql(d)]), `NOT ${present(d)}`),
  ],
  text: (m) => `${addSql(m)};`,
  drop: dropSql,
  present,
};
