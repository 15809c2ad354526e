/**
 * Extended statistics objects: compared by `pg_get_statisticsobjdef` and their
 * statistics target. A missing one is created once its table's columns and
 * indexes exist (`CREATE STATISTICS` takes SHARE UPDATE EXCLUSIVE on the table:
 * reads and writes go on); one defined otherwise is dropped and created again in
 * one step (nothing is lost but the numbers the next ANALYZE computes again); the
 * target is set with `ALTER STATISTICS`. No data depends on them, so no hazard.
 */
import { literal, qualified } from '../../render/quote.js';
import { asString, atomically, displayName, keySql, needed } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { StatisticsObject } from './model.js';

export type { StatisticsObject } from './model.js';

const SQL = `
SELECT n.nspname AS schema, s.stxname AS name, tn.nspname AS table_schema, c.relname AS "table",
       pg_get_statisticsobjdef(s.oid) AS definition, coalesce(s.stxstattarget::int, -1) AS target,
       CASE WHEN c.relkind = 'm' THEN ARRAY[${keySql('view', ['tn.nspname', 'c.relname'])}] ELSE ARRAY[]::text[] END AS depends_on
FROM pg_statistic_ext s
JOIN pg_namespace n ON n.oid = s.stxnamespace
JOIN pg_class c ON c.oid = s.stxrelid
JOIN pg_namespace tn ON tn.oid = c.relnamespace
WHERE n.nspname = ANY($1)`;

const qname = (s: StatisticsObject): string => qualified({ schema: s.schema, name: s.name });
const tableOf = (s: StatisticsObject): { schema: string; name: string } => ({ schema: s.tableSchema, name: s.table });
const show = (s: StatisticsObject): string => `statistics ${displayName(s.schema, s.name)} on ${displayName(s.tableSchema, s.table)}`;

const where = (s: StatisticsObject): string =>
  `s.stxname = ${literal(s.name)} AND s.stxnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ${literal(s.schema)})`;
const exists = (s: StatisticsObject, condition: string): string => `EXISTS (SELECT 1 FROM pg_catalog.pg_statistic_ext s WHERE ${where(s)} AND ${condition})`;
const definitionIs = (s: StatisticsObject): string => `pg_catalog.pg_get_statisticsobjdef(s.oid) = ${literal(s.definition)}`;
const targetIs = (s: StatisticsObject): string => `coalesce(s.stxstattarget::int, -1) = ${s.target}`;

function statement(s: StatisticsObject, description: string, sql: string, guard: string): ObjectStatement {
  return { phase: 'indexes', description, sql, guard: needed(guard), lockLevel: 'SHARE UPDATE EXCLUSIVE', locks: [tableOf(s)] };
}

const setTarget = (s: StatisticsObject): ObjectStatement =>
  statement(s, `set the statistics target of ${show(s)} to ${s.target}`, `ALTER STATISTICS ${qname(s)} SET STATISTICS ${s.target}`, `${exists(s, 'true')} AND NOT ${exists(s, targetIs(s))}`);

export const statisticsKind: ObjectKindDef<StatisticsObject> = {
  kind: 'statistics',
  noun: 'statistics object',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'statistics',
    schema: asString(r['schema']),
    name: asString(r['name']),
    tableSchema: asString(r['table_schema']),
    table: asString(r['table']),
    definition: asString(r['definition']),
    target: Number(r['target'] ?? -1),
    dependsOn: Array.isArray(r['depends_on']) ? r['depends_on'].map(asString) : [],
  }),
  identity: (s) => [s.schema, s.name],
  table: tableOf,
  display: show,
  dependsOn: (s) => s.dependsOn,
  // Statistics on a materialized view go with it when it is dropped and created again.
  partOf: (s) => s.dependsOn,
  differs: (d, l) => [...(d.definition !== l.definition ? ['definition'] : []), ...(d.target !== l.target ? ['target'] : [])],
  create: (s) => [
    statement(s, `create ${show(s)}`, s.definition, `NOT ${exists(s, 'true')}`),
    ...(s.target === -1 ? [] : [setTarget(s)]),
  ],
  repair: (d, l, aspects) => {
    const out: ObjectStatement[] = [];
    if (aspects.includes('definition')) {
      out.push(statement(d, `replace ${show(d)} (defined otherwise)`, atomically([`DROP STATISTICS ${qname(l)}`, d.definition]), `NOT ${exists(d, definitionIs(d))}`));
    }
    if (aspects.includes('target') || (aspects.includes('definition') && d.target !== -1)) out.push(setTarget(d));
    return out;
  },
  text: (s) => `${s.definition};${s.target === -1 ? '' : `\nALTER STATISTICS ${qname(s)} SET STATISTICS ${s.target};`}`,
  drop: (s) => `DROP STATISTICS ${qname(s)}`,
  present: (s) => exists(s, `${definitionIs(s)} AND ${targetIs(s)}`),
};
