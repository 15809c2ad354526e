/**
 * Tables of publications: a missing one is added with `ALTER PUBLICATION … ADD
 * TABLE` (SHARE UPDATE EXCLUSIVE on the table: reads and writes go on), after the
 * publication and the table exist. An extra live member is kept and shown (dropping
 * it would stop replicating the table). Row filters and column lists (PostgreSQL
 * 15+) and `FOR TABLES IN SCHEMA` are not compared.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asString, displayName, needed, objectKey, showName } from '../sql.js';
import type { ObjectKindDef } from '../types.js';
import type { PublicationTableObject } from './model.js';

export type { PublicationTableObject } from './model.js';

const SQL = `
SELECT p.pubname AS publication, n.nspname AS schema, c.relname AS "table"
FROM pg_publication_rel pr
JOIN pg_publication p ON p.oid = pr.prpubid
JOIN pg_class c ON c.oid = pr.prrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)`;

const tableOf = (m: PublicationTableObject): { schema: string; name: string } => ({ schema: m.schema, name: m.table });
const show = (m: PublicationTableObject): string => `${displayName(m.schema, m.table)} in publication ${showName(m.publication)}`;
const present = (m: PublicationTableObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_publication_rel pr JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid ` +
  `WHERE p.pubname = ${literal(m.publication)} AND pr.prrelid = pg_catalog.to_regclass(${literal(qualified(tableOf(m)))}))`;
const addSql = (m: PublicationTableObject): string => `ALTER PUBLICATION ${ident(m.publication)} ADD TABLE ${qualified(tableOf(m))}`;

export const publicationTableKind: ObjectKindDef<PublicationTableObject> = {
  kind: 'publication-table',
  noun: 'publication table',
  securityRelevant: true,
  extraRisk: () => 'its rows are sent to the publication\'s subscribers',
  sql: () => SQL,
  fromRow: (r) => ({ kind: 'publication-table', publication: asString(r['publication']), schema: asString(r['schema']), table: asString(r['table']) }),
  identity: (m) => [m.publication, m.schema, m.table],
  table: tableOf,
  display: show,
  dependsOn: (m) => [objectKey('publication', [m.publication])],
  // Dropping and creating the publication drops its tables: they are added again.
  partOf: (m) => [objectKey('publication', [m.publication])],
  differs: () => [],
  create: (m) => [
    { phase: 'publications', description: `add ${show(m)}`, sql: addSql(m), guard: needed(`NOT ${present(m)}`), lockLevel: 'SHARE UPDATE EXCLUSIVE', locks: [tableOf(m)] },
  ],
  repair: () => [],
  text: (m) => `${addSql(m)};`,
  drop: (m) => `ALTER PUBLICATION ${ident(m.publication)} DROP TABLE ${qualified(tableOf(m))}`,
  present,
};
