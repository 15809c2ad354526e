/**
 * Collations: provider, locale (or LC_COLLATE and LC_CTYPE), determinism and ICU
 * rules. A missing one is created first in the `types` phase, before the domains,
 * types and columns that use it. One defined otherwise is dropped and created
 * again under the `replace` hazard: PostgreSQL refuses the drop, changing nothing,
 * while a column, index or domain uses it. The collation's version is not compared.
 */
import { literal, qualified } from '../../render/quote.js';
import { asString, atomically, displayName, needed, notExtensionMember } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { CollationObject } from './model.js';

export type { CollationObject } from './model.js';

/**
 * The options text of the collation row `c`. Columns that only some versions have
 * (`colliculocale` 15-16, `colllocale` 17+, `collicurules` 16+) are read through
 * `to_jsonb`, so the same text parses on every server (guards run where the script runs).
 */
const optionsSql = (c: string): string => {
  const field = (name: string): string => `(to_jsonb(${c}) ->> '${name}')`;
  const icuLocale = `coalesce(${field('colllocale')}, ${field('colliculocale')}, ${c}.collcollate)`;
  return (
    `(CASE ${c}.collprovider WHEN 'i' THEN 'provider = icu, locale = ' || quote_literal(${icuLocale}) ` +
    `WHEN 'b' THEN 'provider = builtin, locale = ' || quote_literal(${field('colllocale')}) ` +
    `ELSE CASE WHEN ${c}.collcollate = ${c}.collctype THEN 'locale = ' || quote_literal(${c}.collcollate) ` +
    `ELSE 'lc_collate = ' || quote_literal(${c}.collcollate) || ', lc_ctype = ' || quote_literal(${c}.collctype) END END ` +
    `|| CASE WHEN NOT ${c}.collisdeterministic THEN ', deterministic = false' ELSE '' END ` +
    `|| coalesce(', rules = ' || quote_literal(${field('collicurules')}), ''))`
  );
};

const SQL = `
SELECT n.nspname AS schema, co.collname AS name, ${optionsSql('co')} AS options
FROM pg_collation co
JOIN pg_namespace n ON n.oid = co.collnamespace
WHERE n.nspname = ANY($1)
  AND ${notExtensionMember('pg_collation', 'co')}`;

const qname = (c: CollationObject): string => qualified({ schema: c.schema, name: c.name });
const show = (c: CollationObject): string => `collation ${displayName(c.schema, c.name)}`;
const createSql = (c: CollationObject): string => `CREATE COLLATION ${qname(c)} (${c.options})`;

const present = (c: CollationObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_collation co WHERE co.collname = ${literal(c.name)} ` +
  `AND co.collnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ${literal(c.schema)}) AND ${optionsSql('co')} = ${literal(c.options)})`;

function statement(c: CollationObject, description: string, sql: string, extra: Partial<ObjectStatement> = {}): ObjectStatement {
  return { phase: 'types', description, sql, guard: needed(`NOT ${present(c)}`), ...extra };
}

export const collationKind: ObjectKindDef<CollationObject> = {
  kind: 'collation',
  noun: 'collation',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => ({ kind: 'collation', schema: asString(r['schema']), name: asString(r['name']), options: asString(r['options']) }),
  identity: (c) => [c.schema, c.name],
  table: () => null,
  display: show,
  dependsOn: () => [],
  differs: (d, l) => (d.options === l.options ? [] : ['options']),
  create: (c) => [statement(c, `create ${show(c)}`, createSql(c))],
  repair: (d, l) => [
    statement(d, `drop and create ${show(d)} (defined otherwise)`, atomically([`DROP COLLATION ${qname(l)}`, createSql(d)]), {
      hazards: [{ kind: 'replace', message: `${show(d)} is dropped and created again (its provider, locale or determinism changes); it fails, changing nothing, while a column, index or domain uses it` }],
      recreates: true,
    }),
  ],
  text: (c) => `${createSql(c)};`,
  drop: (c) => `DROP COLLATION ${qname(c)}`,
  present,
};
