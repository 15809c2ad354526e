/**
 * Views and materialized views: the query as `pg_get_viewdef` prints it under
 * `search_path = pg_catalog` (so both sides are normalized by PostgreSQL), the
 * options (`security_invoker`, `security_barrier`, `check_option`) and the columns.
 * `CREATE OR REPLACE VIEW` when the live columns stay a prefix of the declared
 * ones; otherwise drop and create under the `replace` hazard. A materialized
 * view that should hold data but was never populated is refreshed under the
 * `refresh` hazard (it runs the whole query).
 */
import { literal, qualified } from '../../render/quote.js';
import { dependsOnSql, replaceNote } from '../function/index.js';
import { asString, asStrings, atomically, displayName, needed, notExtensionMember, textArray } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { ViewObject } from './model.js';

export type { ViewObject, ViewColumn } from './model.js';

/** The same text in the catalog query and in the guards. */
const viewdef = (oid: string): string => `pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(${oid}), E' \\n'), ';')`;
const options = (alias: string): string => `ARRAY(SELECT o FROM unnest(coalesce(${alias}.reloptions, '{}'::text[])) AS o ORDER BY o)`;

const SQL = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
       ${viewdef('c.oid')} AS definition,
       ${options('c')} AS options,
       ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS column_names,
       ARRAY(SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS column_types,
       c.relispopulated AS populated,
       ${dependsOnSql('pg_rewrite', 'r.oid')} AS depends_on
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_rewrite r ON r.ev_class = c.oid AND r.rulename = '_RETURN'
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('v', 'm')
  AND ${notExtensionMember('pg_class', 'c')}`;

const noun = (v: ViewObject): string => (v.materialized ? 'materialized view' : 'view');
const show = (v: ViewObject): string => `${noun(v)} ${displayName(v.schema, v.name)}`;

const columnsSql = (alias: string): string =>
  `ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = ${alias}.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)`;
const where = (v: ViewObject): string =>
  `n.nspname = ${literal(v.schema)} AND c.relname = ${literal(v.name)} AND c.relkind = ${literal(v.materialized ? 'm' : 'v')}`;
const FROM = 'FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace';

/**
 * The view is there as declared: kind, options, columns, and the query text. Before
 * PostgreSQL 16 the deparser qualifies columns that 16+ (and the PGlite shadow) print
 * bare, so on those servers the text is not compared here (the comparison normalizes
 * it, see `normalizedText`).
 */
function present(v: ViewObject): string {
  return (
    `EXISTS (SELECT 1 ${FROM} WHERE ${where(v)} AND ${options('c')} = ${textArray(v.options)} ` +
    `AND ${columnsSql('c')} = ${textArray(v.columns.map((col) => `${col.name} ${col.type}`))} ` +
    `AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR ${viewdef('c.oid')} = ${literal(v.definition)}))`
  );
}

/**
 * Needed while the live view is still exactly as the plan found it: kind, query text,
 * columns and options. A rebuild changes at least one of them (whatever differed), so
 * the guard stops after it, on every server version. (`present` cannot serve here:
 * before 16 it skips the text, so a view whose text alone differs would look done.)
 */
const stillAsFound = (l: ViewObject): string =>
  `EXISTS (SELECT 1 ${FROM} WHERE ${where(l)} AND ${viewdef('c.oid')} = ${literal(l.definition)} ` +
  `AND ${options('c')} = ${textArray(l.options)} AND ${columnsSql('c')} = ${textArray(l.columns.map((col) => `${col.name} ${col.type}`))})`;

/**
 * View text for comparison: qualifiers that are not schema names (`orders.id`, which
 * PostgreSQL before 16 prints where 16+ prints `id`) removed, on both sides alike.
 */
export function normalizedText(text: string, schemas: ReadonlySet<string>): string {
  return text.replace(/("(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)\.(?=["A-Za-z_\u0080-\uffff])/g, (m, q: string) => {
    const name = q.startsWith('"') ? q.slice(1, -1).replaceAll('""', '"') : q;
    return schemas.has(name) ? m : '';
  });
}

const dropSql = (v: ViewObject): string => `DROP ${v.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(v)}`;
const withOptions = (v: ViewObject): string => (v.options.length > 0 ? ` WITH (${v.options.join(', ')})` : '');

function createSql(v: ViewObject, orReplace: boolean): string {
  if (v.materialized) return `CREATE MATERIALIZED VIEW ${qualified(v)}${withOptions(v)} AS ${v.definition} WITH ${v.populated ? '' : 'NO '}DATA`;
  return `CREATE ${orReplace ? 'OR REPLACE ' : ''}VIEW ${qualified(v)}${withOptions(v)} AS ${v.definition}`;
}

/** `CREATE OR REPLACE VIEW` may only add columns at the end, with the same names and types before them. */
export function replaceable(d: ViewObject, l: ViewObject): boolean {
  return !d.materialized && !l.materialized && l.columns.length <= d.columns.length && l.columns.every((c, i) => c.name === d.columns[i]?.name && c.type === d.columns[i]?.type);
}

/** Only the options differ: `ALTER [MATERIALIZED] VIEW ... SET (...)` / `RESET (...)`, a brief lock, no rebuild. */
function setOptions(d: ViewObject, l: ViewObject): ObjectStatement {
  const optionName = (o: string): string => o.slice(0, o.indexOf('=') >= 0 ? o.indexOf('=') : o.length);
  const declaredNames = new Set(d.options.map(optionName));
  const set = d.options.filter((o) => !l.options.includes(o));
  const reset = l.options.map(optionName).filter((n) => !declaredNames.has(n));
  const alter = `ALTER ${d.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(d)}`;
  const clauses = [...(set.length > 0 ? [`SET (${set.join(', ')})`] : []), ...(reset.length > 0 ? [`RESET (${reset.join(', ')})`] : [])];
  return {
    phase: 'views',
    description: `set the options of ${show(d)} (${[...set, ...reset.map((n) => `no ${n}`)].join(', ')})`,
    sql: clauses.length === 1 ? `${alter} ${clauses[0] ?? ''}` : atomically(clauses.map((c) => `${alter} ${c}`)),
    guard: needed(`NOT ${present(d)}`),
    // Storage parameters of a materialized view take the lock they take on a table; view options an exclusive one.
    lockLevel: d.materialized ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE',
    locks: [d],
  };
}

function createStatement(v: ViewObject, description: string, sql: string): ObjectStatement {
  return { phase: 'views', description, sql, guard: needed(`NOT ${present(v)}`), duration: v.materialized && v.populated ? 'long' : 'brief' };
}

export const viewKind: ObjectKindDef<ViewObject> = {
  kind: 'view',
  noun: 'view',
  recreatable: true,
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => {
    const types = asStrings(r['column_types']);
    return {
      kind: 'view',
      schema: asString(r['schema']),
      name: asString(r['name']),
      materialized: r['materialized'] === true,
      definition: asString(r['definition']),
      options: asStrings(r['options']),
      columns: asStrings(r['column_names']).map((name, i) => ({ name, type: types[i] ?? '' })),
      populated: r['materialized'] === true ? r['populated'] === true : true,
      dependsOn: asStrings(r['depends_on']).filter((k) => k !== `view:${JSON.stringify([asString(r['schema']), asString(r['name'])])}`),
    };
  },
  identity: (v) => [v.schema, v.name],
  table: () => null,
  display: show,
  dependsOn: (v) => v.dependsOn,
  differs: (d, l, ctx) => {
    const out: string[] = [];
    if (d.materialized !== l.materialized) out.push('kind');
    const text = (v: ViewObject): string => normalizedText(v.definition, ctx.schemas);
    if (text(d) !== text(l) || JSON.stringify(d.columns) !== JSON.stringify(l.columns)) out.push('definition');
    if (JSON.stringify(d.options) !== JSON.stringify(l.options)) out.push('options');
    if (d.materialized && l.materialized && d.populated && !l.populated) out.push('populated');
    return out;
  },
  create: (v) => [createStatement(v, `create ${show(v)}`, createSql(v, false))],
  repair: (d, l, aspects, ctx) => {
    const out: ObjectStatement[] = [];
    const redefine = aspects.some((a) => a !== 'populated');
    const asFound = { guard: needed(stillAsFound(l)) };
    if (redefine && aspects.every((a) => a === 'options') && d.materialized === l.materialized) out.push(setOptions(d, l));
    else if (redefine && replaceable(d, l)) out.push({ ...createStatement(d, `replace the definition of ${show(d)}`, createSql(d, true)), ...asFound });
    else if (redefine) {
      const why = d.materialized || l.materialized ? 'a materialized view has no CREATE OR REPLACE' : 'its columns change, and CREATE OR REPLACE VIEW may only add columns at the end';
      const sql = atomically([...(ctx.around?.drops ?? []), dropSql(l), createSql(d, false), ...(ctx.around?.creates ?? [])], { uncheckedBodies: true });
      out.push({
        ...createStatement(d, `drop and create ${show(d)} (${why})`, sql),
        ...asFound,
        hazards: [{ kind: 'replace', message: `${show(d)} is dropped and created again (${why})${replaceNote(ctx)}` }],
        recreates: true,
      });
    } else if (aspects.includes('populated')) {
      out.push({
        phase: 'views',
        description: `refresh ${show(d)} (never populated)`,
        sql: `REFRESH MATERIALIZED VIEW ${qualified(d)}`,
        guard: needed(`EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass(${literal(qualified(d))}) AND NOT relispopulated)`),
        lockLevel: 'ACCESS EXCLUSIVE',
        locks: [d],
        duration: 'long',
        hazards: [{ kind: 'refresh', message: `${show(d)} was created WITH NO DATA: refreshing runs its whole query under an ACCESS EXCLUSIVE lock on it` }],
      });
    }
    return out;
  },
  text: (v) => `${createSql(v, false)};${v.materialized && !v.populated ? '\n-- never populated' : ''}`,
  drop: dropSql,
  present,
};
