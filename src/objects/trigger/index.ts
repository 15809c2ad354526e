/**
 * Triggers: compared by `pg_get_triggerdef` and their enabled state. A changed
 * trigger is replaced with `CREATE OR REPLACE TRIGGER` (PostgreSQL 14+), a
 * constraint trigger dropped and created in one step; the enabled state is set
 * with `ALTER TABLE ... ENABLE/DISABLE TRIGGER`. Created after the functions
 * they call and the tables they are on.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asEnabledState, asString, asStrings, atomically, displayName, ENABLED_LABEL, keySql, needed, notExtensionMember, objectKey, setEnabledSql, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { TriggerObject } from './model.js';

export type { TriggerObject } from './model.js';

const SQL = `
SELECT n.nspname AS schema, c.relname AS "table", t.tgname AS name,
       pg_get_triggerdef(t.oid) AS definition, t.tgenabled AS enabled, t.tgconstraint <> 0 AS is_constraint,
       ARRAY[${keySql('function', ['fn.nspname', 'f.proname', 'oidvectortypes(f.proargtypes)'])}]
         || CASE WHEN c.relkind = 'v' THEN ARRAY[${keySql('view', ['n.nspname', 'c.relname'])}] ELSE ARRAY[]::text[] END AS depends_on
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc f ON f.oid = t.tgfoid
JOIN pg_namespace fn ON fn.oid = f.pronamespace
WHERE n.nspname = ANY($1)
  AND NOT t.tgisinternal
  AND t.tgparentid = 0
  AND ${notExtensionMember('pg_class', 'c')}`;

const tableOf = (t: TriggerObject): { schema: string; name: string } => ({ schema: t.schema, name: t.table });
const show = (t: TriggerObject): string => `trigger ${showName(t.name)} on ${displayName(t.schema, t.table)}`;

const triggerWhere = (t: TriggerObject): string =>
  `t.tgrelid = pg_catalog.to_regclass(${literal(qualified(tableOf(t)))}) AND t.tgname = ${literal(t.name)}`;

const definitionMatches = (t: TriggerObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE ${triggerWhere(t)} AND pg_catalog.pg_get_triggerdef(t.oid) = ${literal(t.definition)})`;

const enableSql = (t: TriggerObject): string => setEnabledSql(qualified(tableOf(t)), 'TRIGGER', ident(t.name), t.enabled);

function enableStatement(t: TriggerObject): ObjectStatement {
  return {
    phase: 'triggers',
    description: `set ${show(t)} ${ENABLED_LABEL[t.enabled]}`,
    sql: enableSql(t),
    guard: needed(`EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE ${triggerWhere(t)} AND t.tgenabled <> ${literal(t.enabled)})`),
    lockLevel: 'SHARE ROW EXCLUSIVE',
    locks: [tableOf(t)],
  };
}

function defineStatement(t: TriggerObject, description: string, sql: string, locks: boolean): ObjectStatement {
  return {
    phase: 'triggers',
    description,
    sql,
    guard: needed(`NOT ${definitionMatches(t)}`),
    lockLevel: 'SHARE ROW EXCLUSIVE',
    locks: locks ? [tableOf(t)] : [],
  };
}

export const triggerKind: ObjectKindDef<TriggerObject> = {
  kind: 'trigger',
  noun: 'trigger',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'trigger',
    schema: asString(r['schema']),
    table: asString(r['table']),
    name: asString(r['name']),
    definition: asString(r['definition']),
    enabled: asEnabledState(r['enabled']),
    constraint: r['is_constraint'] === true,
    dependsOn: asStrings(r['depends_on']),
  }),
  identity: (t) => [t.schema, t.table, t.name],
  table: tableOf,
  display: show,
  dependsOn: (t) => t.dependsOn,
  // A trigger on a view (INSTEAD OF) goes with it when the view is dropped and created again.
  partOf: (t) => t.dependsOn.filter((k) => k === objectKey('view', [t.schema, t.table])),
  differs: (d, l) => [...(d.definition !== l.definition ? ['definition'] : []), ...(d.enabled !== l.enabled ? ['enabled'] : [])],
  create: (t) => [defineStatement(t, `create ${show(t)}`, t.definition, true), ...(t.enabled === 'O' ? [] : [enableStatement(t)])],
  repair: (d, l, aspects) => {
    const out: ObjectStatement[] = [];
    if (aspects.includes('definition')) {
      const dropped = d.constraint || l.constraint;
      const sql = dropped
        ? atomically([`DROP TRIGGER ${ident(l.name)} ON ${qualified(tableOf(l))}`, d.definition])
        : d.definition.replace(/^CREATE TRIGGER /, 'CREATE OR REPLACE TRIGGER ');
      // Dropped and created, the trigger loses its comment: set again after it (CREATE OR REPLACE keeps it).
      out.push({ ...defineStatement(d, `replace ${show(d)}`, sql, true), ...(dropped ? { recreates: true } : {}) });
    }
    // A replaced trigger is enabled again: set the state after it whenever it is not the default.
    if (aspects.includes('enabled') || (aspects.includes('definition') && d.enabled !== 'O')) out.push(enableStatement(d));
    return out;
  },
  text: (t) => `${t.definition};${t.enabled === 'O' ? '' : `\n${enableSql(t)};`}`,
  drop: (t) => `DROP TRIGGER ${ident(t.name)} ON ${qualified(tableOf(t))}`,
  present: (t) => `EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE ${triggerWhere(t)} AND pg_catalog.pg_get_triggerdef(t.oid) = ${literal(t.definition)} AND t.tgenabled = ${literal(t.enabled)})`,
};
