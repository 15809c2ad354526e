/**
 * Domains: base type, collation, default, NOT NULL and CHECK constraints. A missing
 * domain is created in the `types` phase, before the tables whose columns use it.
 * Default and NOT NULL are changed with `ALTER DOMAIN`; a CHECK constraint is added
 * `NOT VALID` and validated (the validation scans every column of the domain), a
 * same-named one with another definition swapped. A different base type or collation
 * cannot be altered: the domain is dropped and created again under the `replace`
 * hazard, which fails (and changes nothing) while a column uses it.
 *
 * A declared check that is NOT VALID on live (an interrupted add-then-validate, or a
 * hand-made one) is validated: the rows breaking it are counted first, column by column,
 * so a stop names the table, the column and a query finding them. A declared NOT VALID
 * check is added NOT VALID and never validated; against a live validated one it is no
 * difference (validated is stronger).
 *
 * Locks (read in PostgreSQL's typecmds.c, checked in pg_locks on 14.23 and 18.4): `VALIDATE
 * CONSTRAINT` and `SET NOT NULL` take no lock on the domain itself but SHARE on every table
 * and materialized view with a column of it (get_rels_with_domain), held to commit: reads go
 * on, writes wait for the whole scan. (PostgreSQL's master branch, commit 16a0039dc0d1,
 * lowers VALIDATE to SHARE UPDATE EXCLUSIVE; SHARE is the truth up to 18.)
 */
import type { QualifiedName } from '../../model/types.js';
import { failIfRows } from '../../plan/sql.js';
import { ident, literal, qualified } from '../../render/quote.js';
import { asNullable, asString, asStrings, atomically, collationOtherThanDefault, keySql, displayName, needed, notExtensionMember, textArray } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { DomainCheck, DomainColumn, DomainObject } from './model.js';

export type { DomainObject } from './model.js';

// NOT NULL of a domain is typnotnull (PostgreSQL 17+ also keeps it as a contype 'n' row): only CHECKs are read here.
const checksSql = (alias: string): string =>
  `coalesce((SELECT json_agg(json_build_object('name', k.conname::text, 'definition', pg_get_constraintdef(k.oid), 'validated', k.convalidated) ORDER BY k.conname) ` +
  `FROM pg_constraint k WHERE k.contypid = ${alias}.oid AND k.contype = 'c'), '[]'::json)`;

/**
 * Columns a validation of the domain scans: of tables and materialized views (populated: an unpopulated one holds
 * no rows), typed the domain or a domain over it, in any schema (get_rels_with_domain recurses the same way).
 */
const columnsSql = (alias: string): string =>
  `coalesce((WITH RECURSIVE doms(oid) AS (SELECT ${alias}.oid UNION SELECT s.oid FROM pg_type s JOIN doms ON s.typbasetype = doms.oid WHERE s.typtype = 'd') ` +
  `SELECT json_agg(json_build_object('schema', cn.nspname::text, 'table', c.relname::text, 'column', a.attname::text) ORDER BY cn.nspname, c.relname, a.attnum) ` +
  `FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace ` +
  `WHERE a.atttypid IN (SELECT oid FROM doms) AND a.attnum > 0 AND NOT a.attisdropped AND (c.relkind = 'r' OR (c.relkind = 'm' AND c.relispopulated))), '[]'::json)`;

/** Functions (outside pg_catalog) the domain's default or checks call, as registry keys. */
const functionsCalledSql = (alias: string): string =>
  `ARRAY(SELECT DISTINCT ${keySql('function', ['rn.nspname', 'rp.proname', 'oidvectortypes(rp.proargtypes)'])} ` +
  `FROM pg_depend d JOIN pg_proc rp ON rp.oid = d.refobjid JOIN pg_namespace rn ON rn.oid = rp.pronamespace ` +
  `WHERE d.refclassid = 'pg_proc'::regclass AND rn.nspname <> 'pg_catalog' AND rp.prokind <> 'a' ` +
  `AND ((d.classid = 'pg_type'::regclass AND d.objid = ${alias}.oid) OR (d.classid = 'pg_constraint'::regclass AND d.objid IN (SELECT k.oid FROM pg_constraint k WHERE k.contypid = ${alias}.oid))) ORDER BY 1)`;

const SQL = `
SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS base_type,
       ${collationOtherThanDefault('t.typcollation', 't.typbasetype')} AS collation, t.typdefault AS "default", t.typnotnull AS not_null, ${checksSql('t')} AS checks,
       ${functionsCalledSql('t')} AS depends_on,
       ${columnsSql('t')} AS columns
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'd'
  AND n.nspname = ANY($1)
  AND ${notExtensionMember('pg_type', 't')}`;

const rows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
const qname = (d: DomainObject): string => qualified({ schema: d.schema, name: d.name });
const show = (d: DomainObject): string => `domain ${displayName(d.schema, d.name)}`;
const typeWhere = (d: DomainObject): string =>
  `t.typtype = 'd' AND t.typname = ${literal(d.name)} AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ${literal(d.schema)})`;
const checkDefinition = (definition: string): string => definition.replace(/ NOT VALID$/, '');

/** The live checks as `name:definition`, each validated or one the model declares NOT VALID (there NOT VALID suffices). */
const liveChecks = (notValidAllowed: readonly string[]): string =>
  "ARRAY(SELECT k.conname::text || ':' || pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '') " +
  `FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' AND ${notValidAllowed.length > 0 ? `(k.convalidated OR k.conname::text = ANY (${textArray(notValidAllowed)}))` : 'k.convalidated'} ORDER BY k.conname)`;

function present(d: DomainObject): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE ${typeWhere(d)} ` +
    `AND pg_catalog.format_type(t.typbasetype, t.typtypmod) = ${literal(d.baseType)} AND t.typnotnull = ${d.notNull} ` +
    `AND t.typdefault IS NOT DISTINCT FROM ${d.default === null ? 'NULL' : literal(d.default)} ` +
    `AND ${liveChecks(d.checks.filter((c) => c.notValid).map((c) => c.name))} = ${textArray(d.checks.map((c) => `${c.name}:${c.definition}`))})`
  );
}

/**
 * `VALUE` of a check's definition as pg_get_constraintdef prints it (the upper-case keyword; names print in lower
 * case or quoted) replaced by `to`, outside string literals and quoted names.
 */
export function valueReplaced(definition: string, to: string): string {
  let out = '';
  for (let i = 0; i < definition.length; ) {
    const ch = definition[i] ?? '';
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      for (; j < definition.length; j++) {
        if (definition[j] === ch) {
          if (definition[j + 1] === ch) j++;
          else break;
        }
      }
      out += definition.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(definition.slice(i))?.[0] ?? ch;
      out += word === 'VALUE' ? to : word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

const tableOf = (c: DomainColumn): QualifiedName => ({ schema: c.schema, name: c.table });
/** The tables (and materialized views) holding a column of the domain, once each. */
const tablesOf = (d: DomainObject): QualifiedName[] => [...new Map((d.columns ?? []).map((c) => [`${c.schema}.${c.table}`, tableOf(c)])).values()];

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

/**
 * A NOT VALID check of the domain validated: the rows breaking it counted first, one column at a time (so the
 * stop names the table and the column, with a query finding them), then `VALIDATE CONSTRAINT`. Each only while
 * the check is still not validated. `l` is the live domain: its columns are the ones scanned.
 */
function validateCheck(d: DomainObject, l: DomainObject, c: DomainCheck): ObjectStatement[] {
  const stillNotValid = needed(domainHas(d, `${checkWhere(c.name)} AND NOT k.convalidated)`));
  const condition = c.definition.replace(/^CHECK /, '');
  const counts = (l.columns ?? []).map((col) => {
    const where = `NOT ${valueReplaced(condition, ident(col.column))}`;
    const from = qualified(tableOf(col));
    return statement(d, `check rows of ${displayName(col.schema, col.table)} column ${col.column} against check ${c.name} of ${show(d)}`,
      failIfRows({
        from: `ONLY ${from}`,
        where,
        message: `check ${c.name} of ${show(d)} cannot be validated: rows of ${displayName(col.schema, col.table)} violate it in column ${col.column}`,
        hint: `find them with SELECT * FROM ONLY ${from} WHERE ${where}; fix them, then run again`,
      }),
      { phase: 'validate', duration: 'long', guard: stillNotValid, lockLevel: 'ACCESS SHARE', locks: [tableOf(col)] },
    );
  });
  return [
    ...counts,
    statement(d, `validate check ${c.name} of ${show(d)} (scans every column of the domain)`, `ALTER DOMAIN ${qname(d)} VALIDATE CONSTRAINT ${ident(c.name)}`, {
      phase: 'validate',
      duration: 'long',
      guard: stillNotValid,
      lockLevel: 'SHARE',
      locks: tablesOf(l),
    }),
  ];
}

/** Declared validated checks the live domain holds with the same definition, NOT VALID. */
const notValidated = (d: DomainObject, l: DomainObject): DomainCheck[] =>
  d.checks.filter((c) => !c.notValid && l.checks.some((k) => k.name === c.name && k.definition === c.definition && k.notValid));

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
  // A check the model declares NOT VALID is added NOT VALID and left so (validating it could stop on rows the model tolerates).
  for (const c of [...adds, ...notValidated(d, l)]) if (!c.notValid) out.push(...validateCheck(d, l, c));
  if (aspects.includes('not null') && d.notNull) {
    out.push(
      statement(d, `set NOT NULL on ${show(d)} (checks every column of the domain for NULLs)`, `${alter} SET NOT NULL`, {
        phase: 'validate',
        duration: 'long',
        guard: needed(domainHas(d, 'NOT t.typnotnull')),
        lockLevel: 'SHARE',
        locks: tablesOf(l),
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
    checks: rows(r['checks']).map((c) => ({
      name: asString(c['name']),
      definition: checkDefinition(asString(c['definition'])),
      ...(c['validated'] === false ? { notValid: true as const } : {}),
    })),
    ...(asStrings(r['depends_on']).length > 0 ? { dependsOn: asStrings(r['depends_on']) } : {}),
    ...(rows(r['columns']).length > 0 ? { columns: rows(r['columns']).map((c) => ({ schema: asString(c['schema']), table: asString(c['table']), column: asString(c['column']) })) } : {}),
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
    const defs = (o: DomainObject): string => JSON.stringify(o.checks.map((c) => [c.name, c.definition]));
    if (defs(d) !== defs(l)) out.push('checks');
    // Only a declared validated check NOT VALID on live: a declared NOT VALID one is satisfied by a validated one.
    else if (notValidated(d, l).length > 0) out.push('validated');
    return out;
  },
  create: (d) => [statement(d, `create ${show(d)}`, createSql(d))],
  repair,
  text: (d) => `${createSql(d)};`,
  drop: (d) => `DROP DOMAIN ${qname(d)}`,
  present,
};
