/**
 * `FOR TABLES IN SCHEMA` of publications (PostgreSQL 15+): a missing one is added
 * with `ALTER PUBLICATION … ADD TABLES IN SCHEMA` after the publication exists. An
 * extra live one is kept and shown: every table of the schema, present and future,
 * is sent to the subscribers.
 */
import { ident, literal } from '../../render/quote.js';
import { asString, needed, objectKey, showName } from '../sql.js';
import type { ObjectKindDef } from '../types.js';
import type { PublicationSchemaObject } from './model.js';

export type { PublicationSchemaObject } from './model.js';

const sql = (serverVersion: number): string =>
  serverVersion >= 150000
    ? `
SELECT p.pubname AS publication, n.nspname AS schema
FROM pg_publication_namespace pn
JOIN pg_publication p ON p.oid = pn.pnpubid
JOIN pg_namespace n ON n.oid = pn.pnnspid
WHERE n.nspname = ANY($1)`
    : `SELECT NULL::text AS publication, NULL::text AS schema WHERE $1::text[] IS NULL`;

const show = (m: PublicationSchemaObject): string => `tables in schema ${showName(m.schema)} in publication ${showName(m.publication)}`;
const present = (m: PublicationSchemaObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_publication_namespace pn JOIN pg_catalog.pg_publication p ON p.oid = pn.pnpubid ` +
  `WHERE p.pubname = ${literal(m.publication)} AND pn.pnnspid = pg_catalog.to_regnamespace(${literal(ident(m.schema))}))`;
const addSql = (m: PublicationSchemaObject): string => `ALTER PUBLICATION ${ident(m.publication)} ADD TABLES IN SCHEMA ${ident(m.schema)}`;

export const publicationSchemaKind: ObjectKindDef<PublicationSchemaObject> = {
  kind: 'publication-schema',
  noun: 'publication schema',
  securityRelevant: true,
  extraRisk: () => "the rows of every table in it, present and future, are sent to the publication's subscribers",
  sql,
  fromRow: (r) => ({ kind: 'publication-schema', publication: asString(r['publication']), schema: asString(r['schema']) }),
  identity: (m) => [m.publication, m.schema],
  table: () => null,
  display: show,
  dependsOn: (m) => [objectKey('publication', [m.publication])],
  // Dropping and creating the publication drops its schemas: they are added again.
  partOf: (m) => [objectKey('publication', [m.publication])],
  differs: () => [],
  create: (m) => [{ phase: 'publications', description: `add ${show(m)}`, sql: addSql(m), guard: needed(`NOT ${present(m)}`), lockLevel: 'SHARE UPDATE EXCLUSIVE' }],
  repair: () => [],
  text: (m) => `${addSql(m)};`,
  drop: (m) => `ALTER PUBLICATION ${ident(m.publication)} DROP TABLES IN SCHEMA ${ident(m.schema)}`,
  present,
};
