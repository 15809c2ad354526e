/**
 * Aggregates: compared by a `CREATE AGGREGATE` statement built from pg_aggregate
 * in SQL (the same text on both sides, and in the guard that checks it). Created
 * after the functions they call, before the views that use them; a changed one
 * is replaced with `CREATE OR REPLACE AGGREGATE` when its arguments, result and
 * kind stay, else dropped and created again under `replace`, as functions are.
 */
import { literal, qualified } from '../../render/quote.js';
import { dependsOnSql, dropAndCreate } from '../function/index.js';
import { asString, asStrings, displayName, needed, notExtensionMember, qualifiedNameSql } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { AggregateObject } from './model.js';

export type { AggregateObject } from './model.js';

/** A support function's name, quoted and qualified outside pg_catalog (never an OID, whatever its overloads). */
const proc = (oid: string): string =>
  `(SELECT ${qualifiedNameSql('fn.nspname', 'fp.proname')} FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = ${oid})`;
const modify = (m: string): string => `CASE ${m} WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END`;

/** The statement for pg_proc `p` joined to pg_aggregate `a`, as SQL. */
const definitionSql = (p: string, a: string): string => `'CREATE AGGREGATE ' || ${qualifiedNameSql('(SELECT nspname FROM pg_namespace WHERE oid = ' + p + '.pronamespace)', `${p}.proname`)}
  || '(' || CASE WHEN ${p}.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(${p}.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || ${proc(`${a}.aggtransfn`)},
       'STYPE = ' || format_type(${a}.aggtranstype, NULL),
       CASE WHEN ${a}.aggtransspace <> 0 THEN 'SSPACE = ' || ${a}.aggtransspace END,
       CASE WHEN ${a}.aggfinalfn <> 0 THEN 'FINALFUNC = ' || ${proc(`${a}.aggfinalfn`)} END,
       CASE WHEN ${a}.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN ${a}.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || ${modify(`${a}.aggfinalmodify`)} END,
       CASE WHEN ${a}.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || ${proc(`${a}.aggcombinefn`)} END,
       CASE WHEN ${a}.aggserialfn <> 0 THEN 'SERIALFUNC = ' || ${proc(`${a}.aggserialfn`)} END,
       CASE WHEN ${a}.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || ${proc(`${a}.aggdeserialfn`)} END,
       CASE WHEN ${a}.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(${a}.agginitval) END,
       CASE WHEN ${a}.aggmtransfn <> 0 THEN 'MSFUNC = ' || ${proc(`${a}.aggmtransfn`)} END,
       CASE WHEN ${a}.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || ${proc(`${a}.aggminvtransfn`)} END,
       CASE WHEN ${a}.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(${a}.aggmtranstype, NULL) END,
       CASE WHEN ${a}.aggmtransspace <> 0 THEN 'MSSPACE = ' || ${a}.aggmtransspace END,
       CASE WHEN ${a}.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || ${proc(`${a}.aggmfinalfn`)} END,
       CASE WHEN ${a}.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN ${a}.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || ${modify(`${a}.aggmfinalmodify`)} END,
       CASE WHEN ${a}.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(${a}.aggminitval) END,
       CASE WHEN ${a}.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = ${a}.aggsortop) END,
       CASE ${p}.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN ${a}.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')'`;

const SQL = `
SELECT n.nspname AS schema, p.proname AS name,
       oidvectortypes(p.proargtypes) AS argument_types,
       pg_get_function_identity_arguments(p.oid) AS identity_arguments,
       pg_get_function_arguments(p.oid) AS arguments,
       pg_get_function_result(p.oid) AS result,
       a.aggkind AS aggregate_kind,
       ${definitionSql('p', 'a')} AS definition,
       ${dependsOnSql('pg_proc', 'p.oid')} AS depends_on
FROM pg_proc p
JOIN pg_aggregate a ON a.aggfnoid = p.oid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ANY($1)
  AND p.prokind = 'a'
  AND ${notExtensionMember('pg_proc', 'p')}`;

const show = (g: AggregateObject): string => `aggregate ${displayName(g.schema, g.name)}(${g.argumentTypes || '*'})`;
const dropSql = (g: AggregateObject): string => `DROP AGGREGATE ${qualified(g)}(${g.identityArguments || '*'})`;

const present = (g: AggregateObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid ` +
  `WHERE n.nspname = ${literal(g.schema)} AND p.proname = ${literal(g.name)} AND pg_catalog.oidvectortypes(p.proargtypes) = ${literal(g.argumentTypes)} ` +
  `AND ${definitionSql('p', 'a')} = ${literal(g.definition)})`;

const replaceable = (d: AggregateObject, l: AggregateObject): boolean => d.arguments === l.arguments && d.result === l.result && d.aggregateKind === l.aggregateKind;

const statement = (g: AggregateObject, description: string, sql: string): ObjectStatement => ({ phase: 'late-functions', description, sql, guard: needed(`NOT ${present(g)}`) });

export const aggregateKind: ObjectKindDef<AggregateObject> = {
  kind: 'aggregate',
  noun: 'aggregate',
  recreatable: true,
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'aggregate',
    schema: asString(r['schema']),
    name: asString(r['name']),
    argumentTypes: asString(r['argument_types']),
    identityArguments: asString(r['identity_arguments']),
    arguments: asString(r['arguments']),
    result: asString(r['result']),
    aggregateKind: asString(r['aggregate_kind']),
    definition: asString(r['definition']),
    dependsOn: asStrings(r['depends_on']),
  }),
  identity: (g) => [g.schema, g.name, g.argumentTypes],
  table: () => null,
  display: show,
  dependsOn: (g) => g.dependsOn,
  differs: (d, l) => (d.definition === l.definition ? [] : [replaceable(d, l) ? 'definition' : 'signature']),
  create: (g) => [statement(g, `create ${show(g)}`, g.definition)],
  repair: (d, l, _aspects, ctx) => {
    if (replaceable(d, l)) return [statement(d, `replace the definition of ${show(d)}`, d.definition.replace(/^CREATE AGGREGATE /, 'CREATE OR REPLACE AGGREGATE '))];
    const why = `${show(d)} changes its arguments, result or kind, which CREATE OR REPLACE cannot do: it is dropped and created again`;
    return [dropAndCreate(statement(d, `drop and create ${show(d)} (its arguments, result or kind change)`, ''), dropSql(l), d.definition, why, ctx)];
  },
  text: (g) => `${g.definition};`,
  drop: dropSql,
  present,
};

