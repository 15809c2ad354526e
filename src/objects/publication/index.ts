/**
 * Publications: `FOR ALL TABLES` and the `publish` / `publish_via_partition_root`
 * options (the tables of a publication are the `publication-table` kind). A missing
 * publication is created empty (its tables are added after them); options that
 * differ are set with `ALTER PUBLICATION … SET (…)`; `FOR ALL TABLES` gained or lost
 * needs it dropped and created under `replace` (subscribers lose their place in
 * it). An extra live publication is kept and shown: replication consumers may read it.
 */
import { ident, literal } from '../../render/quote.js';
import { asString, atomically, needed, notExtensionMember, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { PublicationObject } from './model.js';

export type { PublicationObject } from './model.js';

const optionsSql = (p: string): string =>
  `('publish = ' || quote_literal(concat_ws(', ', CASE WHEN ${p}.pubinsert THEN 'insert' END, CASE WHEN ${p}.pubupdate THEN 'update' END, ` +
  `CASE WHEN ${p}.pubdelete THEN 'delete' END, CASE WHEN ${p}.pubtruncate THEN 'truncate' END)) || ', publish_via_partition_root = ' || ${p}.pubviaroot::text)`;

const SQL = `
SELECT p.pubname AS name, p.puballtables AS all_tables, ${optionsSql('p')} AS options
FROM pg_publication p
WHERE ${notExtensionMember('pg_publication', 'p')}
  -- Database-wide: every publication, whatever schemas are read ($1 is taken as every kind's query takes it).
  AND $1::text[] IS NOT NULL`;

const show = (p: PublicationObject): string => `publication ${showName(p.name)}`;
const createSql = (p: PublicationObject): string => `CREATE PUBLICATION ${ident(p.name)}${p.allTables ? ' FOR ALL TABLES' : ''} WITH (${p.options})`;
const exists = (p: PublicationObject, condition: string): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_publication p WHERE p.pubname = ${literal(p.name)} AND ${condition})`;
const present = (p: PublicationObject): string => exists(p, `p.puballtables = ${p.allTables} AND ${optionsSql('p')} = ${literal(p.options)}`);

function statement(p: PublicationObject, description: string, sql: string, guard: string, extra: Partial<ObjectStatement> = {}): ObjectStatement {
  return { phase: 'publications', description, sql, guard: needed(guard), ...extra };
}

export const publicationKind: ObjectKindDef<PublicationObject> = {
  kind: 'publication',
  noun: 'publication',
  securityRelevant: true,
  extraRisk: () => 'it sends the rows of its tables to whoever subscribes (and subscribers may rely on it)',
  sql: () => SQL,
  fromRow: (r) => ({ kind: 'publication', name: asString(r['name']), allTables: r['all_tables'] === true, options: asString(r['options']) }),
  identity: (p) => [p.name],
  table: () => null,
  display: show,
  dependsOn: () => [],
  differs: (d, l) => [...(d.allTables !== l.allTables ? ['all-tables'] : []), ...(d.options !== l.options ? ['options'] : [])],
  create: (p) => [statement(p, `create ${show(p)}`, createSql(p), `NOT ${exists(p, 'true')}`)],
  repair: (d, l, aspects) => {
    if (aspects.includes('all-tables')) {
      return [
        statement(d, `drop and create ${show(d)} (${d.allTables ? 'for all tables' : 'no longer for all tables'})`, atomically([`DROP PUBLICATION ${ident(l.name)}`, createSql(d)]), `NOT ${present(d)}`, {
          hazards: [{ kind: 'replace', message: `${show(d)} is dropped and created again (FOR ALL TABLES cannot be altered): its subscribers must refresh their subscription` }],
          recreates: true,
        }),
      ];
    }
    return [statement(d, `set the options of ${show(d)} (${d.options})`, `ALTER PUBLICATION ${ident(d.name)} SET (${d.options})`, `NOT ${present(d)}`)];
  },
  text: (p) => `${createSql(p)};`,
  drop: (p) => `DROP PUBLICATION ${ident(p.name)}`,
  present,
};
