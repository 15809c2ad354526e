/**
 * Domains: base type, collation, default, NOT NULL and CHECK constraints. A missing
 * domain is created in the `types` phase, before the tables whose columns use it.
 * Default and NOT NULL are changed with `ALTER DOMAIN`; a CHECK constraint is added
 * `NOT VALID` and validated (the validation scans every column of the domain), a
 * same-named one with another definition swapped. A different base type or collation
 * cannot be altered: the domain is dropped and created again under the `replace`
 * hazard, which fails (and changes nothing) while a column uses it.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asNullable, asString, asStrings, atomically, collationOtherThanDefault, keySql, displayName, needed, notExtensionMember, textArray } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { DomainObject } from './model.js';

export type { DomainObject } from './model.js';

// NOT NULL of a domain is typnotnull (PostgreSQL 17+ also keeps it as a contype 'n' row): only CHECKs are read here.
const checksSql = (alias: string): string =>
  `coalesce((SELECT json_agg(json_build_object('name', k.conname::text, 'definition', pg_get_constraintdef(k.oid)) ORDER BY k.conname) ` +
  `FROM pg_constraint k WHERE k.contypid = ${alias}.oid AND k.contype = 'c'), '[]'::json)`;

/** Functions (outside pg_catalog) the domain's default or checks call, as registry keys. */
const functionsCalledSql = (alias: string): string =>
  `ARRAY(SELECT DISTINCT ${keySql('function', ['rn.nspname', 'rp.proname', 'oidvectortypes(rp.proargtypes)'])} ` +
  `FROM pg_depend d JOIN pg_proc rp ON rp.oid = d.refobjid JOIN pg_namespace rn ON rn.oid = rp.pronamespace ` +
  `WHERE d.refclassid = 'pg_proc'::regclass AND rn.nspname <> 'pg_catalog' AND rp.prokind <> 'a' ` +
  `AND ((d.classid = 'pg_type'::regclass AND d.objid = ${alias}.oid) OR (d.classid = 'pg_constraint'::regclass AND d.objid IN (SELECT k.oid FROM pg_constraint k WHERE k.contypid = ${alias}.oid))) ORDER BY 1)`;

const SQL = `
SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS base_type,
       ${collationOtherThanDefault('t.typcollation', 't.typbasetype')} AS collation, t.typdefault AS "default", t.typnotnull AS not_null, ${checksSql('t')} AS checks,
       ${functionsCalledSql('t')} AS depends_on
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'd'
  AND n.nspname = ANY($1)
  AND ${notExtensionMember('pg_type', 't')}`;

const qname = (d: DomainObject): string => qualified({ schema: d.schema, name: d.name });
const show = (d: DomainObject): string => `domain ${displayName(d.schema, d.name)}`;
const typeWhere = (d: DomainObject): string =>
  `t.typtype = 'd' AND t.typname = ${literal(d.name)} AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ${literal(d.schema)})`;
const checkDefinition = (definition: string): string => definition.replace(/ NOT VALID$/, '');

const validatedChecks =
  "ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') " +
  "FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.convalidated ORDER BY k.conname)";

function present(d: DomainObject): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE ${typeWhere(d)} ` +
    `AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = ${literal(d.baseType)} AND t.typnotnull = ${d.notNull} ` +
    `AND t.typdefault IS NOT DISTINCT FROM ${d.default === null ? 'NULL' : literal(d.default)} ` +
    `AND ${validatedChecks} = ${textArray(d.checks.map((c) => `${c.name}:${c.definition}`))})`
  );
}

function createSql(d: DomainObject): string {
  return (
    `CREATE DOMAIN ${qname(d)} AS ${d.baseType}` +
    (d.collation ? ` COLLATE ${d.collation}` : '') +
    (d.default !== null ? ` DEFAULT ${d.default}` : '') +
    (d.notNull ? ' NOT NULL' : '') +
    d.checks.map((c) => ` CONSTRAINT ${ident(c.name)} ${c.definition}`).join('')
  );
}

const statement = (d: DomainObject, description: string, sql: string, extra: Partial<ObjectStatement> = {}): ObjectStatement => ({
  // A domain calling functions is created with them, after them (dependency order within the phase).
  phase: (d.dependsOn?.length ?? 0) > 0 ? 'functions' : 'types',
  description,
  sql,
  guard: needed(`NOT ${present(d)}`),
  ...extra,
});

const domainHas = (d: DomainObject, condition: string): string => `EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE ${typeWhere(d)} AND ${condition})`;
const checkWhere = (name: string): string => `EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND k.conname = ${literal(name)}`;

function repair(d: DomainObject, l: DomainObject, aspects: readonly string[]): ObjectStatement[] {
  if (aspects.includes('base type') || aspects.includes('collation')) {
    const what = aspects.includes('base type') ? 'base type' : 'collation';
    return [
      statement(d, `drop and create ${show(d)} (${aspects.join(', ')} differ)`, atomically([`DROP DOMAIN ${qname(l)}`, createSql(d)]), {
        hazards: [{ kind: 'replace', message: `${show(d)} is dropped and created again (ALTER DOMAIN cannot change its ${what}); it fails, changing nothing, while a column uses it` }],
        recreates: true,
      }),
    ];
  }
  const alter = `ALTER DOMAIN ${qname(d)}`;
  const live = new Map(l.checks.map((c) => [c.name, c.definition]));
  const declared = new Map(d.checks.map((c) => [c.name, c.definition]));
  const adds = d.checks.filter((c) => live.get(c.name) !== c.definition);
  const out: ObjectStatement[] = [];
  const swap: string[] = [];
  if (aspects.includes('default')) swap.push(d.default === null ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${d.default}`);
  if (aspects.includes('not null') && !d.notNull) swap.push(`${alter} DROP NOT NULL`);
  // A same-named check with another definition is swapped in one step (dropped, added NOT VALID): no moment without a rule.
  for (const c of adds) {
    if (live.has(c.name)) swap.push(`${alter} DROP CONSTRAINT ${ident(c.name)}`);
    swap.push(`${alter} ADD CONSTRAINT ${ident(c.name)} ${c.definition} NOT VALID`);
  }
  if (swap.length > 0) out.push(statement(d, `alter ${show(d)} (${aspects.join(', ')})`, atomically(swap)));
  for (const c of adds) {
    out.push(
      statement(d, `validate check ${c.name} of ${show(d)} (scans every column of the domain)`, `${alter} VALIDATE CONSTRAINT ${ident(c.name)}`, {
        phase: 'validate',
        duration: 'long',
        guard: needed(domainHas(d, `${checkWhere(c.name)} AND NOT k.convalidated)`)),
      }),
    );
  }
  if (aspects.includes('not null') && d.notNull) {
    out.push(
      statement(d, `set NOT NULL on ${show(d)} (checks every column of the domain for NULLs)`, `${alter} SET NOT NULL`, {
        phase: 'validate',
        duration: 'long',
        guard: needed(domainHas(d, 'NOT t.typnotnull')),
      }),
    );
  }
  for (const [name] of [...live].filter(([n]) => !declared.has(n))) {
    out.push(
      statement(d, `drop check ${name} of ${show(d)} (the model lacks it)`, `${alter} DROP CONSTRAINT IF EXISTS ${ident(name)}`, {
        guard: needed(domainHas(d, `${checkWhere(name)})`)),
        hazards: [{ kind: 'drop', message: `check ${name} of ${show(d)} is not in the model; dropping it lets values it refused in` }],
      }),
    );
  }
  return out;
}

export const domainKind: ObjectKindDef<DomainObject> = {
  kind: 'domain',
  noun: 'domain',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'domain',
    schema: asString(r['schema']),
    name: asString(r['name']),
    baseType: asString(r['base_type']),
    collation: asNullable(r['collation']),
    default: asNullable(r['default']),
    notNull: r['not_null'] === true,
    checks: (Array.isArray(r['checks']) ? (r['checks'] as Record<string, unknown>[]) : []).map((c) => ({ name: asString(c['name']), definition: checkDefinition(asString(c['definition'])) })),
    ...(asStrings(r['depends_on']).length > 0 ? { dependsOn: asStrings(r['depends_on']) } : {}),
  }),
  identity: (d) => [d.schema, d.name],
  table: () => null,
  display: show,
  dependsOn: (d) => d.dependsOn ?? [],
  differs: (d, l) => {
    const out: string[] = [];
    if (d.baseType !== l.baseType) out.push('base type');
    if (d.collation !== l.collation) out.push('collation');
    if (d.default !== l.default) out.push('default');
    if (d.notNull !== l.notNull) out.push('not null');
    if (JSON.stringify(d.checks) !== JSON.stringify(l.checks)) out.push('checks');
    return out;
  },
  create: (d) => [statement(d, `create ${show(d)}`, createSql(d))],
  repair,
  text: (d) => `${createSql(d)};`,
  drop: (d) => `DROP DOMAIN ${qname(d)}`,
  present,
};
