/**
 * Privileges (GRANT / REVOKE and ALTER DEFAULT PRIVILEGES) on tables, views,
 * sequences, columns, functions, procedures, schemas and types: each privilege
 * that differs from the object's default is one object (a grant beyond it, or a
 * default revoked), so a missing one is granted or revoked alone and an extra one
 * is shown as a security-relevant warning and kept. The owner's own privileges are
 * not compared (the owner differs between shadow and live server); `MAINTAIN`
 * (PostgreSQL 17+) is not compared, older servers cannot grant it. A GRANT takes
 * a brief ACCESS SHARE lock on a relation.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asString, attachedTo, displayName, needed, notExtensionMember, objectKey, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { GrantObject } from './model.js';

export type { GrantObject } from './model.js';

const DEFAULT_CODE: Record<string, string> = { tables: 'r', sequences: 'S', functions: 'f', types: 'T', schemas: 'n' };

/** Every object with an ACL: its owner, its ACL and the ACL it would have by default. */
const OBJECTS = `
SELECT CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END AS "on", n.nspname::text AS schema, c.relname::text AS name, ''::text AS sub,
       c.relowner AS owner, c.relacl AS acl, NULL::aclitem[] AS dflt
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname = ANY($1) AND ${notExtensionMember('pg_class', 'c')}
UNION ALL
SELECT 'column', n.nspname, c.relname, a.attname::text, c.relowner, a.attacl, NULL::aclitem[]
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY($1)
  AND ${notExtensionMember('pg_class', 'c')}
UNION ALL
SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname, oidvectortypes(p.proargtypes), p.proowner, p.proacl,
       acldefault('f', p.proowner)
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.proacl IS NOT NULL AND p.prokind IN ('f', 'p') AND n.nspname = ANY($1) AND ${notExtensionMember('pg_proc', 'p')}
UNION ALL
SELECT 'schema', n.nspname, '', '', n.nspowner, n.nspacl, COALESCE(ip.initprivs, acldefault('n', n.nspowner))
FROM pg_namespace n
LEFT JOIN pg_init_privs ip ON ip.classoid = 'pg_namespace'::regclass AND ip.objoid = n.oid AND ip.objsubid = 0
WHERE n.nspacl IS NOT NULL AND n.nspname = ANY($1) AND ${notExtensionMember('pg_namespace', 'n')}
UNION ALL
SELECT 'type', n.nspname, t.typname, '', t.typowner, t.typacl, acldefault('T', t.typowner)
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typacl IS NOT NULL AND n.nspname = ANY($1) AND ${notExtensionMember('pg_type', 't')}
  AND (t.typtype IN ('d', 'e', 'r') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c')))
UNION ALL
SELECT 'default', COALESCE(n.nspname, ''),
       CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' ELSE 'schemas' END,
       CASE WHEN d.defaclrole = (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user) THEN '' ELSE pg_get_userbyid(d.defaclrole)::text END,
       d.defaclrole, d.defaclacl,
       CASE WHEN d.defaclnamespace = 0 THEN acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END, d.defaclrole) ELSE NULL::aclitem[] END
FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
WHERE d.defaclnamespace = 0 OR n.nspname = ANY($1)`;

const grantee = (oid: string): string => `CASE WHEN ${oid} = 0 THEN 'public' ELSE pg_get_userbyid(${oid})::text END`;

/**
 * PUBLIC on the schema `public` is left out: its default changed in PostgreSQL 15 (CREATE no
 * longer granted), so a dump of a 14 database (`GRANT ALL ON SCHEMA public TO PUBLIC`) would
 * otherwise ask a 15+ server to give everyone CREATE again.
 */
const versionDefault = (grantee: string): string => `(o."on" = 'schema' AND o.schema = 'public' AND ${grantee} = 0)`;

const SQL = `
WITH o AS (${OBJECTS})
SELECT o."on", o.schema, o.name, o.sub, ${grantee('a.grantee')} AS grantee, a.privilege_type AS privilege, false AS revoked, a.is_grantable AS grantable
FROM o CROSS JOIN LATERAL aclexplode(o.acl) a
WHERE a.grantee <> o.owner AND a.privilege_type <> 'MAINTAIN' AND NOT ${versionDefault('a.grantee')}
  AND NOT EXISTS (SELECT 1 FROM aclexplode(o.dflt) d WHERE d.grantee = a.grantee AND d.privilege_type = a.privilege_type AND d.is_grantable = a.is_grantable)
UNION ALL
SELECT o."on", o.schema, o.name, o.sub, ${grantee('d.grantee')}, d.privilege_type, true, false
FROM o CROSS JOIN LATERAL aclexplode(o.dflt) d
WHERE d.grantee <> o.owner AND d.privilege_type <> 'MAINTAIN' AND NOT ${versionDefault('d.grantee')}
  AND NOT EXISTS (SELECT 1 FROM aclexplode(o.acl) a WHERE a.grantee = d.grantee AND a.privilege_type = d.privilege_type)`;

const ON: readonly GrantObject['on'][] = ['table', 'sequence', 'column', 'function', 'procedure', 'schema', 'type', 'default'];
const isRelation = (g: GrantObject): boolean => g.on === 'table' || g.on === 'sequence' || g.on === 'column';
const rel = (g: GrantObject): string => qualified({ schema: g.schema, name: g.name });
const roleSql = (g: GrantObject): string => (g.grantee === 'public' ? 'PUBLIC' : ident(g.grantee));
const roleOid = (name: string): string => `(SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = ${literal(name)})`;

/** What GRANT names: `TABLE "s"."t"`, `FUNCTION "s"."f"(integer)`, `SCHEMA "s"`. */
function target(g: GrantObject): string {
  if (g.on === 'column') return `TABLE ${rel(g)}`;
  if (g.on === 'function' || g.on === 'procedure') return `${g.on.toUpperCase()} ${rel(g)}(${g.sub})`;
  if (g.on === 'schema') return `SCHEMA ${ident(g.schema)}`;
  return `${g.on.toUpperCase()} ${rel(g)}`;
}

/** The privilege as GRANT writes it: `SELECT`, or `SELECT ("email")` on a column. */
const privilege = (g: GrantObject): string => (g.on === 'column' ? `${g.privilege} (${ident(g.sub)})` : g.privilege);

/** `ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s]` */
const defaultsPrefix = (g: GrantObject): string =>
  `ALTER DEFAULT PRIVILEGES${g.sub ? ` FOR ROLE ${ident(g.sub)}` : ''}${g.schema ? ` IN SCHEMA ${ident(g.schema)}` : ''}`;

function what(g: GrantObject): string {
  if (g.on === 'default') {
    const scope = g.schema ? ` in schema ${showName(g.schema)}` : '';
    const owner = g.sub ? `, for objects ${showName(g.sub)} creates` : '';
    return `${g.privilege} on new ${g.name}${scope}${owner}`;
  }
  if (g.on === 'column') return `${g.privilege} on column ${displayName(g.schema, g.name)}.${showName(g.sub)}`;
  if (g.on === 'function' || g.on === 'procedure') return `${g.privilege} on ${g.on} ${displayName(g.schema, g.name)}(${g.sub})`;
  if (g.on === 'schema') return `${g.privilege} on schema ${showName(g.schema)}`;
  return `${g.privilege} on ${g.on} ${displayName(g.schema, g.name)}`;
}

const who = (g: GrantObject): string => (g.grantee === 'public' ? 'PUBLIC' : showName(g.grantee));
const show = (g: GrantObject): string =>
  g.revoked ? `revoke of ${what(g)} from ${who(g)}` : `${g.on === 'default' ? 'default privilege' : 'grant'} ${what(g)} to ${who(g)}${g.grantable ? ' with grant option' : ''}`;

/** The ACL the database holds for the object (its default when the catalog holds NULL), as SQL. */
function aclOf(g: GrantObject): string {
  switch (g.on) {
    case 'table':
    case 'sequence':
      return `(SELECT COALESCE(c.relacl, CASE WHEN c.relkind = 'S' THEN pg_catalog.acldefault('s', c.relowner) ELSE pg_catalog.acldefault('r', c.relowner) END) FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass(${literal(rel(g))}))`;
    case 'column':
      return `(SELECT a.attacl FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass(${literal(rel(g))}) AND a.attname = ${literal(g.sub)} AND NOT a.attisdropped)`;
    case 'function':
    case 'procedure':
      return `(SELECT COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner)) FROM pg_catalog.pg_proc p WHERE p.oid = pg_catalog.to_regprocedure(${literal(`${rel(g)}(${g.sub})`)}))`;
    case 'schema':
      return `(SELECT COALESCE(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) FROM pg_catalog.pg_namespace n WHERE n.nspname = ${literal(g.schema)})`;
    case 'type':
      return `(SELECT COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner)) FROM pg_catalog.pg_type t WHERE t.oid = pg_catalog.to_regtype(${literal(rel(g))}))`;
    case 'default': {
      const code = DEFAULT_CODE[g.name] ?? 'r';
      const role = g.sub ? roleOid(g.sub) : `(SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)`;
      const ns = g.schema ? `(SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ${literal(g.schema)})` : '0';
      const builtIn = g.schema ? `NULL::pg_catalog.aclitem[]` : `pg_catalog.acldefault(${literal(code === 'S' ? 's' : code)}, ${role})`;
      return `COALESCE((SELECT d.defaclacl FROM pg_catalog.pg_default_acl d WHERE d.defaclrole = ${role} AND d.defaclnamespace = ${ns} AND d.defaclobjtype = ${literal(code)}), ${builtIn})`;
    }
  }
}

function present(g: GrantObject): string {
  const who = g.grantee === 'public' ? '0' : roleOid(g.grantee);
  const entry = `SELECT 1 FROM pg_catalog.aclexplode(${aclOf(g)}) e WHERE e.grantee = ${who} AND e.privilege_type = ${literal(g.privilege)}`;
  return g.revoked ? `NOT EXISTS (${entry})` : `EXISTS (${entry} AND e.is_grantable = ${g.grantable})`;
}

function grantSql(g: GrantObject): string {
  if (g.on === 'default') {
    return g.revoked
      ? `${defaultsPrefix(g)} REVOKE ${g.privilege} ON ${g.name.toUpperCase()} FROM ${roleSql(g)}`
      : `${defaultsPrefix(g)} GRANT ${g.privilege} ON ${g.name.toUpperCase()} TO ${roleSql(g)}${g.grantable ? ' WITH GRANT OPTION' : ''}`;
  }
  return g.revoked
    ? `REVOKE ${privilege(g)} ON ${target(g)} FROM ${roleSql(g)}`
    : `GRANT ${privilege(g)} ON ${target(g)} TO ${roleSql(g)}${g.grantable ? ' WITH GRANT OPTION' : ''}`;
}

/** Taking the grant option away, keeping the privilege. */
function revokeOptionSql(g: GrantObject): string {
  const prefix = g.on === 'default' ? `${defaultsPrefix(g)} ` : '';
  const on = g.on === 'default' ? g.name.toUpperCase() : target(g);
  return `${prefix}REVOKE GRANT OPTION FOR ${g.on === 'default' ? g.privilege : privilege(g)} ON ${on} FROM ${roleSql(g)}`;
}

function statement(g: GrantObject, description: string, sql: string): ObjectStatement {
  return {
    phase: 'grants',
    description,
    sql,
    guard: needed(`NOT ${present(g)}`),
    lockLevel: isRelation(g) ? 'ACCESS SHARE' : 'none',
    locks: isRelation(g) ? [{ schema: g.schema, name: g.name }] : [],
  };
}

export const grantKind: ObjectKindDef<GrantObject> = {
  kind: 'grant',
  noun: 'grant',
  securityRelevant: true,
  sql: () => SQL,
  fromRow: (r) => {
    const on = asString(r['on']) as GrantObject['on'];
    return {
      kind: 'grant',
      on: ON.includes(on) ? on : 'table',
      schema: asString(r['schema']),
      name: asString(r['name']),
      sub: asString(r['sub']),
      grantee: asString(r['grantee']),
      privilege: asString(r['privilege']),
      revoked: r['revoked'] === true,
      grantable: r['grantable'] === true,
    };
  },
  identity: (g) => [g.on, g.schema, g.name, g.sub, g.grantee, g.privilege, g.revoked ? 'revoked' : 'granted'],
  table: (g) => (isRelation(g) ? { schema: g.schema, name: g.name } : null),
  display: show,
  dependsOn: () => [],
  partOf: (g) => attachedTo(g.on, g.schema, g.name, g.sub),
  roles: (g) => [...(g.grantee === 'public' ? [] : [g.grantee]), ...(g.on === 'default' && g.sub ? [g.sub] : [])],
  differs: (d, l) => (d.grantable !== l.grantable ? ['grant option'] : []),
  create: (g) => [statement(g, g.revoked ? `revoke ${what(g)} from ${who(g)}` : `grant ${what(g)} to ${who(g)}${g.grantable ? ' with grant option' : ''}`, grantSql(g))],
  repair: (d) =>
    d.grantable
      ? [statement(d, `grant ${what(d)} to ${who(d)} with grant option (held without it)`, grantSql(d))]
      : [statement(d, `take the grant option of ${what(d)} from ${who(d)}`, revokeOptionSql(d))],
  text: (g) => `${grantSql(g)};`,
  drop: (g) => (g.revoked ? grantSql({ ...g, revoked: false, grantable: false }) : g.on === 'default' ? `${defaultsPrefix(g)} REVOKE ${g.privilege} ON ${g.name.toUpperCase()} FROM ${roleSql(g)}` : `REVOKE ${privilege(g)} ON ${target(g)} FROM ${roleSql(g)}`),
  present,
};
