/**
 * Range types: subtype, operator class and collation (where not the default),
 * canonical and difference functions, and the multirange type's name. A missing
 * one is created in the `types` phase, before the columns that use it (after the
 * functions it names, with them, when it names any). Any difference needs the type
 * dropped and created again, under the `replace` hazard: it fails, changing
 * nothing, while a column or function uses it.
 */
import { literal, qualified } from '../../render/quote.js';
import { asString, asStrings, atomically, displayName, keySql, needed, notExtensionMember, qualifiedNameSql } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { RangeTypeObject } from './model.js';

export type { RangeTypeObject } from './model.js';

/** The options text of the range whose pg_range row is `rg` (catalog names unqualified: guards run under `search_path = pg_catalog`). */
const optionsSql = (rg: string): string =>
  `('SUBTYPE = ' || format_type(${rg}.rngsubtype, NULL)` +
  ` || coalesce((SELECT ', SUBTYPE_OPCLASS = ' || ${qualifiedNameSql('ocn.nspname', 'oc.opcname')} FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace WHERE oc.oid = ${rg}.rngsubopc` +
  ` AND NOT oc.opcdefault), '')` +
  ` || coalesce((SELECT ', COLLATION = ' || ${qualifiedNameSql('cn.nspname', 'co.collname')} FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = ${rg}.rngcollation` +
  ` AND co.oid IS DISTINCT FROM (SELECT st.typcollation FROM pg_type st WHERE st.oid = ${rg}.rngsubtype)), '')` +
  ` || CASE WHEN ${rg}.rngcanonical <> 0 THEN ', CANONICAL = ' || ${rg}.rngcanonical::regproc::text ELSE '' END` +
  ` || CASE WHEN ${rg}.rngsubdiff <> 0 THEN ', SUBTYPE_DIFF = ' || ${rg}.rngsubdiff::regproc::text ELSE '' END` +
  ` || coalesce((SELECT ', MULTIRANGE_TYPE_NAME = ' || ${qualifiedNameSql('mn.nspname', 'mt.typname')} FROM pg_type mt JOIN pg_namespace mn ON mn.oid = mt.typnamespace WHERE mt.oid = ${rg}.rngmultitypid), ''))`;

const SQL = `
SELECT n.nspname AS schema, t.typname AS name, ${optionsSql('rg')} AS options,
       ARRAY(SELECT ${keySql('function', ['pn.nspname', 'p.proname', 'oidvectortypes(p.proargtypes)'])} FROM pg_proc p JOIN pg_namespace pn ON pn.oid = p.pronamespace
             WHERE p.oid IN (rg.rngcanonical, rg.rngsubdiff) AND pn.nspname <> 'pg_catalog' ORDER BY 1) AS depends_on,
       ARRAY(SELECT quote_ident(an.nspname) || '.' || quote_ident(ac.relname) || '.' || quote_ident(a.attname)
             FROM pg_attribute a JOIN pg_class ac ON ac.oid = a.attrelid JOIN pg_namespace an ON an.oid = ac.relnamespace
             WHERE a.attnum > 0 AND NOT a.attisdropped AND ac.relkind IN ('r', 'p')
               AND a.atttypid IN (SELECT t.oid UNION ALL SELECT t.typarray UNION ALL SELECT rg.rngmultitypid UNION ALL SELECT d.oid FROM pg_type d WHERE d.typbasetype = t.oid)
             ORDER BY 1) AS used_by
FROM pg_type t
JOIN pg_range rg ON rg.rngtypid = t.oid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'r'
  AND n.nspname = ANY($1)
  AND ${notExtensionMember('pg_type', 't')}`;

const qname = (t: RangeTypeObject): string => qualified({ schema: t.schema, name: t.name });
const show = (t: RangeTypeObject): string => `range type ${displayName(t.schema, t.name)}`;
const createSql = (t: RangeTypeObject): string => `CREATE TYPE ${qname(t)} AS RANGE (${t.options})`;

const rangePresent = (t: RangeTypeObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_range rg ON rg.rngtypid = t.oid ` +
  `WHERE t.typname = ${literal(t.name)} AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ${literal(t.schema)}) ` +
  `AND ${optionsSql('rg')} = ${literal(t.options)})`;

function statement(t: RangeTypeObject, description: string, sql: string, extra: Partial<ObjectStatement> = {}): ObjectStatement {
  // A range naming functions is created with them, after them (dependency order within the phase).
  return { phase: t.dependsOn.length > 0 ? 'functions' : 'types', description, sql, guard: needed(`NOT ${rangePresent(t)}`), ...extra };
}

export const rangeTypeKind: ObjectKindDef<RangeTypeObject> = {
  kind: 'range-type',
  noun: 'range type',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'range-type',
    schema: asString(r['schema']),
    name: asString(r['name']),
    options: asString(r['options']),
    dependsOn: asStrings(r['depends_on']),
    usedBy: asStrings(r['used_by']),
  }),
  identity: (t) => [t.schema, t.name],
  table: () => null,
  display: show,
  dependsOn: (t) => t.dependsOn,
  differs: (d, l) => (d.options === l.options ? [] : ['options']),
  unrepairable: (_d, l) =>
    l.usedBy.length === 0
      ? null
      : `a range type cannot be altered in place, and it is not dropped while columns use it (${l.usedBy.join(', ')}): create a type with the declared options and convert those columns to it by hand`,
  create: (t) => [statement(t, `create ${show(t)}`, createSql(t))],
  repair: (d, l) => [
    statement(d, `drop and create ${show(d)} (its options differ)`, atomically([`DROP TYPE ${qname(l)}`, createSql(d)]), {
      hazards: [{ kind: 'replace', message: `${show(d)} is dropped and created again (its subtype or options change); it fails, changing nothing, while a column or function uses it` }],
      recreates: true,
    }),
  ],
  text: (t) => `${createSql(t)};`,
  drop: (t) => `DROP TYPE ${qname(t)}`,
  present: (t) => rangePresent(t),
};
