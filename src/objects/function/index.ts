/**
 * Functions and procedures: read with `pg_get_functiondef`, identified by
 * schema, name and argument types, compared by their whole definition.
 * `CREATE OR REPLACE` when the arguments and the result stay; otherwise the
 * function is dropped and created again under the `replace` hazard.
 */
import { literal, qualified } from '../../render/quote.js';
import { asString, asStrings, atomically, displayName, keySql, needed, notExtensionMember, objectKey } from '../sql.js';
import type { ObjectKindDef, ObjectPlanContext, ObjectStatement } from '../types.js';
import type { FunctionObject } from './model.js';

export type { FunctionObject } from './model.js';

const ROUTINE: Record<string, FunctionObject['routine']> = { f: 'function', p: 'procedure', w: 'window' };

/** Referenced objects of the registry (functions, views) that `pg_depend` records for `objid`. */
export const dependsOnSql = (catalog: string, objid: string): string => `ARRAY(
  SELECT DISTINCT CASE WHEN d.refclassid = 'pg_proc'::regclass
      THEN CASE WHEN rp.prokind = 'a' THEN ${keySql('aggregate', ['rn.nspname', 'rp.proname', 'oidvectortypes(rp.proargtypes)'])}
                ELSE ${keySql('function', ['rn.nspname', 'rp.proname', 'oidvectortypes(rp.proargtypes)'])} END
      ELSE ${keySql('view', ['cn.nspname', 'rc.relname'])} END
  FROM pg_depend d
  LEFT JOIN pg_proc rp ON d.refclassid = 'pg_proc'::regclass AND rp.oid = d.refobjid
  LEFT JOIN pg_namespace rn ON rn.oid = rp.pronamespace
  LEFT JOIN pg_class rc ON d.refclassid = 'pg_class'::regclass AND rc.oid = d.refobjid AND rc.relkind IN ('v', 'm')
  LEFT JOIN pg_namespace cn ON cn.oid = rc.relnamespace
  WHERE d.classid = '${catalog}'::regclass AND d.objid = ${objid} AND d.deptype = 'n'
    AND ((rp.oid IS NOT NULL AND rn.nspname <> 'pg_catalog') OR rc.oid IS NOT NULL)
  ORDER BY 1)`;

const SQL = `
SELECT n.nspname AS schema, p.proname AS name, p.prokind AS routine,
       oidvectortypes(p.proargtypes) AS argument_types,
       pg_get_function_identity_arguments(p.oid) AS identity_arguments,
       pg_get_function_arguments(p.oid) AS arguments,
       pg_get_function_result(p.oid) AS result,
       pg_get_functiondef(p.oid) AS definition,
       (p.prosqlbody IS NOT NULL OR EXISTS (
          SELECT 1 FROM unnest(p.proargtypes::oid[] || coalesce(p.proallargtypes, '{}'::oid[]) || p.prorettype) AS a(oid)
          JOIN pg_type ty ON ty.oid = a.oid
          LEFT JOIN pg_type el ON el.oid = ty.typelem
          -- A row type of a table or view (a stand-alone composite type is created in the types phase, before functions).
          JOIN pg_class rc ON rc.oid = CASE WHEN ty.typrelid <> 0 THEN ty.typrelid ELSE el.typrelid END
          WHERE rc.relkind <> 'c')) AS late,
       ${dependsOnSql('pg_proc', 'p.oid')} AS depends_on
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ANY($1)
  AND p.prokind IN ('f', 'p', 'w')
  AND ${notExtensionMember('pg_proc', 'p')}
  -- Constructors PostgreSQL makes with a range type (an internal dependency on it) come and go with the type.
  AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i')`;

const signature = (f: { schema: string; name: string; identityArguments: string }): string => `${qualified(f)}(${f.identityArguments})`;
const dropSql = (f: FunctionObject): string => `DROP ${f.routine === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${signature(f)}`;

/** What a drop-and-create does to what depends on the object (for the `replace` hazard's message). */
export function replaceNote(ctx: ObjectPlanContext): string {
  if (ctx.dependents.length === 0) return ' (without CASCADE: the drop fails if anything else depends on it)';
  if (ctx.around) return `, with what depends on it, created again as declared: ${ctx.dependents.join(', ')}`;
  return ` (without CASCADE: the drop fails, since ${ctx.dependents.join(', ')} depend${ctx.dependents.length === 1 ? 's' : ''} on it and cannot all be created again from the model)`;
}
/**
 * `base` as a drop and create of a routine CREATE OR REPLACE cannot change, with what depends
 * on it dropped before and created after it when the model can (`ctx.around`), under `replace`.
 */
export function dropAndCreate(base: ObjectStatement, drop: string, definition: string, why: string, ctx: ObjectPlanContext): ObjectStatement {
  return {
    ...base,
    sql: atomically([...(ctx.around?.drops ?? []), drop, definition, ...(ctx.around?.creates ?? [])], { uncheckedBodies: true }),
    hazards: [{ kind: 'replace', message: `${why}${replaceNote(ctx)}` }],
    recreates: true,
  };
}
const show = (f: FunctionObject): string => `${f.routine === 'procedure' ? 'procedure' : 'function'} ${displayName(f.schema, f.name)}(${f.argumentTypes})`;

function present(f: FunctionObject): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace ` +
    `WHERE n.nspname = ${literal(f.schema)} AND p.proname = ${literal(f.name)} AND p.prokind <> 'a' ` +
    `AND pg_catalog.oidvectortypes(p.proargtypes) = ${literal(f.argumentTypes)} ` +
    `AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = ${literal(f.definition)})`
  );
}

/**
 * `pg_get_function_arguments` text split into its parameters at top-level commas, each
 * without its ` DEFAULT …` expression, and how many carry one. Deparsed expressions quote
 * strings with `'` (doubled inside) and identifiers with `"`; nothing else hides a comma
 * or the word DEFAULT outside parentheses.
 */
export function parameters(args: string): { readonly params: readonly string[]; readonly defaults: number } {
  const params: string[] = [];
  let defaults = 0;
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  let cut = -1;
  const end = (i: number): void => {
    const p = args.slice(start, cut >= 0 ? cut : i).trim();
    if (p) params.push(p);
    if (cut >= 0) defaults += 1;
    start = i + 1;
    cut = -1;
  };
  for (let i = 0; i < args.length; i++) {
    const ch = args[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
    else if (depth === 0 && ch === ',') end(i);
    else if (depth === 0 && cut < 0 && args.startsWith(' DEFAULT ', i)) cut = i;
  }
  end(args.length);
  return { params, defaults };
}

/**
 * `CREATE OR REPLACE` keeps the function (its oid, grants and dependents) only when its kind,
 * result and parameters (modes, names, types; OUT ones too) stay. A default's value may change
 * and defaults may be added; PostgreSQL refuses to remove one (a default's type follows its
 * parameter's, which stays).
 */
export function replaceable(declared: FunctionObject, live: FunctionObject): boolean {
  if (declared.routine !== live.routine || declared.result !== live.result) return false;
  if (declared.arguments === live.arguments) return true;
  const d = parameters(declared.arguments);
  const l = parameters(live.arguments);
  return d.defaults >= l.defaults && d.params.length === l.params.length && d.params.every((p, i) => p === l.params[i]);
}

function createStatement(f: FunctionObject, description: string): ObjectStatement {
  const sql = atomically([f.definition], { uncheckedBodies: true });
  return { phase: f.late ? 'late-functions' : 'functions', description, sql, guard: needed(`NOT ${present(f)}`) };
}

export const functionKind: ObjectKindDef<FunctionObject> = {
  kind: 'function',
  noun: 'function',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'function',
    schema: asString(r['schema']),
    name: asString(r['name']),
    routine: ROUTINE[asString(r['routine'])] ?? 'function',
    argumentTypes: asString(r['argument_types']),
    identityArguments: asString(r['identity_arguments']),
    arguments: asString(r['arguments']),
    result: r['result'] === null || r['routine'] === 'p' ? null : asString(r['result']),
    definition: asString(r['definition']),
    late: r['late'] === true,
    dependsOn: asStrings(r['depends_on']).filter((k) => k !== objectKey('function', [asString(r['schema']), asString(r['name']), asString(r['argument_types'])])),
  }),
  identity: (f) => [f.schema, f.name, f.argumentTypes],
  table: () => null,
  display: show,
  dependsOn: (f) => f.dependsOn,
  differs: (d, l) => (d.definition === l.definition ? [] : [replaceable(d, l) ? 'definition' : 'signature']),
  create: (f) => [createStatement(f, `create ${show(f)}`)],
  repair: (d, l, _aspects, ctx) => {
    if (replaceable(d, l)) return [createStatement(d, `replace the definition of ${show(d)}`)];
    const why = `${show(d)} changes its arguments, result or kind, which CREATE OR REPLACE cannot do: it is dropped and created again`;
    return [dropAndCreate(createStatement(d, `drop and create ${show(d)} (its arguments or result change)`), dropSql(l), d.definition, why, ctx)];
  },
  text: (f) => f.definition.trimEnd(),
  drop: dropSql,
  present,
};
