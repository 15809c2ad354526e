/**
 * Rewrite rules: compared by `pg_get_ruledef` (its qualifiers normalized as view
 * text is, since PostgreSQL before 16 prints them where 16+ does not) and their
 * enabled state. A missing or different rule is written with `CREATE OR REPLACE
 * RULE` (ACCESS EXCLUSIVE on its table, brief), after the views and functions it
 * uses. A rule changes what writes do, so an extra live rule is shown as a warning,
 * though kept.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { dependsOnSql } from '../function/index.js';
import { normalizedText } from '../view/index.js';
import { asEnabledState, asString, asStrings, displayName, ENABLED_LABEL, keySql, needed, notExtensionMember, objectKey, setEnabledSql, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { RuleObject } from './model.js';

export type { RuleObject } from './model.js';

const SQL = `
SELECT n.nspname AS schema, c.relname AS "table", r.rulename AS name,
       rtrim(pg_get_ruledef(r.oid), ';') AS definition, r.ev_enabled AS enabled,
       ${dependsOnSql('pg_rewrite', 'r.oid')}
         || CASE WHEN c.relkind IN ('v', 'm') THEN ARRAY[${keySql('view', ['n.nspname', 'c.relname'])}] ELSE ARRAY[]::text[] END AS depends_on
FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
  AND n.nspname = ANY($1)
  AND ${notExtensionMember('pg_class', 'c')}`;

const tableOf = (r: RuleObject): { schema: string; name: string } => ({ schema: r.schema, name: r.table });
const show = (r: RuleObject): string => `rule ${showName(r.name)} on ${displayName(r.schema, r.table)}`;

const ruleWhere = (r: RuleObject): string => `r.ev_class = pg_catalog.to_regclass(${literal(qualified(tableOf(r)))}) AND r.rulename = ${literal(r.name)}`;
const exists = (r: RuleObject, condition: string): string => `EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite r WHERE ${ruleWhere(r)} AND ${condition})`;
const textIs = (r: RuleObject): string => `pg_catalog.rtrim(pg_catalog.pg_get_ruledef(r.oid), ';') = ${literal(r.definition)}`;
/** Before 16 the text printed differs from the declared (16+) text in qualifiers only: there, existence is what is checked. */
const textMatches = (r: RuleObject): string => `(pg_catalog.current_setting('server_version_num')::int < 160000 OR ${textIs(r)})`;

const enableSql = (r: RuleObject): string => setEnabledSql(qualified(tableOf(r)), 'RULE', ident(r.name), r.enabled);

function statement(r: RuleObject, description: string, sql: string, guard: string): ObjectStatement {
  return { phase: 'triggers', description, sql, guard: needed(guard), lockLevel: 'ACCESS EXCLUSIVE', locks: [tableOf(r)] };
}

const replaceSql = (r: RuleObject): string => r.definition.replace(/^CREATE RULE /, 'CREATE OR REPLACE RULE ');
const enableStatement = (r: RuleObject): ObjectStatement =>
  statement(r, `set ${show(r)} ${ENABLED_LABEL[r.enabled]}`, enableSql(r), exists(r, `r.ev_enabled <> ${literal(r.enabled)}`));

export const ruleKind: ObjectKindDef<RuleObject> = {
  kind: 'rule',
  noun: 'rule',
  securityRelevant: true,
  extraRisk: () => 'a rule rewrites what queries on its table do',
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'rule',
    schema: asString(r['schema']),
    table: asString(r['table']),
    name: asString(r['name']),
    definition: asString(r['definition']),
    enabled: asEnabledState(r['enabled']),
    dependsOn: [...new Set(asStrings(r['depends_on']))],
  }),
  identity: (r) => [r.schema, r.table, r.name],
  table: tableOf,
  display: show,
  dependsOn: (r) => r.dependsOn,
  // A rule on a view goes with it when the view is dropped and created again.
  partOf: (r) => r.dependsOn.filter((k) => k === objectKey('view', [r.schema, r.table])),
  differs: (d, l, ctx) => [
    ...(normalizedText(d.definition, ctx.schemas) !== normalizedText(l.definition, ctx.schemas) ? ['definition'] : []),
    ...(d.enabled !== l.enabled ? ['enabled'] : []),
  ],
  create: (r) => [statement(r, `create ${show(r)}`, replaceSql(r), `NOT ${exists(r, 'true')}`), ...(r.enabled === 'O' ? [] : [enableStatement(r)])],
  repair: (d, l, aspects) => {
    const out: ObjectStatement[] = [];
    // Needed while the live rule is still as found (exact text, on every server version).
    if (aspects.includes('definition')) out.push(statement(d, `replace ${show(d)}`, replaceSql(d), exists(l, textIs(l))));
    if (aspects.includes('enabled') || (aspects.includes('definition') && d.enabled !== l.enabled)) out.push(enableStatement(d));
    return out;
  },
  text: (r) => `${r.definition};${r.enabled === 'O' ? '' : `\n${enableSql(r)};`}`,
  drop: (r) => `DROP RULE ${ident(r.name)} ON ${qualified(tableOf(r))}`,
  present: (r) => exists(r, `${textMatches(r)} AND r.ev_enabled = ${literal(r.enabled)}`),
};
