/**
 * Privileges (GRANT / REVOKE and ALTER DEFAULT PRIVILEGES) on tables, views,
 * sequences, columns, functions, procedures, schemas and types: each privilege
 * that differs from the object's default is one object (a grant beyond it, or a
 * default revoked), so a missing one is granted or revoked alone and an extra one
 * is shown as a security-relevant warning and kept. The owner's own privileges are
 * not compared (the owner differs between shadow and live server); `MAINTAIN`
 * (PostgreSQL 17+) is not compared, older servers cannot grant it. A GRANT takes
 * a brief ACCESS SHARE lock on a relation.
 *
 * A declared grant to the role that owns the object on the live server is held
 * there: the owner has every privilege, with grant option, by ownership, so a GRANT
 * to it would change nothing the catalog shows and be planned again forever. The
 * query also returns who owns what (one `owners` row: the session's role and the
 * objects another role owns); `held` reads it. An owner's REVOKE of its own
 * privileges is not compared either (legal, rare; the shadow's owner is another role).
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asString, attachedTo, displayName, needed, notExtensionMember, objectKey, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { CatalogObject } from '../model.js';
import type { GrantEntry, GrantObject, GrantOwners } from './model.js';

export type { GrantEntry, GrantObject, GrantOwners } from './model.js';

const DEFAULT_CODE: Record<string, string> = { tables: 'r', sequences: 'S', functions: 'f', types: 'T', schemas: 'n' };

/**
 * Every object with an ACL, or owned by another role than the session's (`mine`; the `owners` row
 * lists those; they cost nothing more where the session's role owns everything): its owner,
 * its ACL (NULL: the default) and the ACL it would have by default. `me` is the session's role.
 */
const OBJECTS = `
SELECT CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END AS "on", n.nspname::text AS schema, c.relname::text AS name, ''::text AS sub,
       c.relowner AS owner, c.relacl AS acl, NULL::aclitem[] AS dflt
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE (c.relacl IS NOT NULL OR c.relowner NOT IN (SELECT mine.oid FROM mine)) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname = ANY($1)
  AND ${notExtensionMember('pg_class', 'c')}
UNION ALL
SELECT 'column', n.nspname, c.relname, a.attname::text, c.relowner, a.attacl, NULL::aclitem[]
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY($1)
  AND ${notExtensionMember('pg_class', 'c')}
UNION ALL
SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname, oidvectortypes(p.proargtypes), p.proowner, p.proacl,
       acldefault('f', p.proowner)
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE (p.proacl IS NOT NULL OR p.proowner NOT IN (SELECT mine.oid FROM mine)) AND p.prokind IN ('f', 'p') AND n.nspname = ANY($1) AND ${notExtensionMember('pg_proc', 'p')}
UNION ALL
SELECT 'schema', n.nspname, '', '', n.nspowner, n.nspacl, COALESCE(ip.initprivs, acldefault('n', n.nspowner))
FROM pg_namespace n
LEFT JOIN pg_init_privs ip ON ip.classoid = 'pg_namespace'::regclass AND ip.objoid = n.oid AND ip.objsubid = 0
WHERE (n.nspacl IS NOT NULL OR n.nspowner NOT IN (SELECT mine.oid FROM mine)) AND n.nspname = ANY($1) AND ${notExtensionMember('pg_namespace', 'n')}
UNION ALL
SELECT 'type', n.nspname, t.typname, '', t.typowner, t.typacl, acldefault('T', t.typowner)
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE (t.typacl IS NOT NULL OR t.typowner NOT IN (SELECT mine.oid FROM mine)) AND n.nspname = ANY($1) AND ${notExtensionMember('pg_type', 't')}
  AND (t.typtype IN ('d', 'e', 'r') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c')))
UNION ALL
SELECT 'default', COALESCE(n.nspname, ''),
       CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' ELSE 'schemas' END,
       CASE WHEN d.defaclrole = (SELECT me.oid FROM me) THEN '' ELSE pg_get_userbyid(d.defaclrole)::text END,
       d.defaclrole, d.defaclacl,
       CASE WHEN d.defaclnamespace = 0 THEN acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END, d.defaclrole) ELSE NULL::aclitem[] END
FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
WHERE d.defaclnamespace = 0 OR n.nspname = ANY($1)`;

/** What the `owners` row calls what a grant is on: a relation (columns too), a routine, a schema, a type. */
const OWNED_CLASS = `CASE o."on" WHEN 'table' THEN 'relation' WHEN 'sequence' THEN 'relation' WHEN 'function' THEN 'routine' WHEN 'procedure' THEN 'routine' ELSE o."on" END`;

/**
 * The `owners` row: the session's role and the objects another role owns; none where the
 * session's role owns everything read (a shadow always: it skips OWNER TO), so a model
 * of a database one role owns holds no such row.
 */
const OWNERS = `
SELECT 'owners', '', '', '', current_user::text, '', false, false, w.owned
FROM (SELECT json_agg(json_build_array(${OWNED_CLASS}, o.schema, o.name, o.sub, pg_get_userbyid(o.owner)::text) ORDER BY o."on", o.schema, o.name, o.sub) AS owned
      FROM o WHERE o.owner NOT IN (SELECT mine.oid FROM mine) AND o."on" IN ('table', 'sequence', 'function', 'procedure', 'schema', 'type')) w
WHERE w.owned IS NOT NULL`;

const grantee = (oid: string): string => `CASE WHEN ${oid} = 0 THEN 'public' ELSE pg_get_userbyid(${oid})::text END`;

/**
 * PUBLIC on the schema `public` is left out: its default changed in PostgreSQL 15 (CREATE no
 * longer granted), so a dump of a 14 database (`GRANT ALL ON SCHEMA public TO PUBLIC`) would
 * otherwise ask a 15+ server to give everyone CREATE again.
 */
const versionDefault = (grantee: string): string => `(o."on" = 'schema' AND o.schema = 'public' AND ${grantee} = 0)`;

const SQL = `
WITH me AS (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user),
-- The session's role, and pg_database_owner where the session owns the database (it owns
-- the schema public from PostgreSQL 15 on): the roles whose objects a plan treats as its own.
mine AS (SELECT me.oid FROM me UNION ALL
         SELECT 'pg_database_owner'::regrole::oid FROM pg_database d JOIN me ON d.datdba = me.oid WHERE d.datname = current_database()),
o AS (${OBJECTS})
SELECT o."on", o.schema, o.name, o.sub, ${grantee('a.grantee')} AS grantee, a.privilege_type AS privilege, false AS revoked, a.is_grantable AS grantable, NULL::json AS owned
FROM o CROSS JOIN LATERAL aclexplode(o.acl) a
WHERE o.acl IS NOT NULL AND a.grantee <> o.owner AND a.privilege_type <> 'MAINTAIN' AND NOT ${versionDefault('a.grantee')}
  AND NOT EXISTS (SELECT 1 FROM aclexplode(o.dflt) d WHERE d.grantee = a.grantee AND d.privilege_type = a.privilege_type AND d.is_grantable = a.is_grantable)
UNION ALL
SELECT o."on", o.schema, o.name, o.sub, ${grantee('d.grantee')}, d.privilege_type, true, false, NULL::json
FROM o CROSS JOIN LATERAL aclexplode(o.dflt) d
WHERE o.acl IS NOT NULL AND d.grantee <> o.owner AND d.privilege_type <> 'MAINTAIN' AND NOT ${versionDefault('d.grantee')}
  AND NOT EXISTS (SELECT 1 FROM aclexplode(o.acl) a WHERE a.grantee = d.grantee AND a.privilege_type = d.privilege_type)
UNION ALL
${OWNERS}`;

const ON: readonly GrantEntry['on'][] = ['table', 'sequence', 'column', 'function', 'procedure', 'schema', 'type', 'default'];
const isRelation = (g: GrantEntry): boolean => g.on === 'table' || g.on === 'sequence' || g.on === 'column';
const rel = (g: GrantEntry): string => qualified({ schema: g.schema, name: g.name });
const roleSql = (g: GrantEntry): string => (g.grantee === 'public' ? 'PUBLIC' : ident(g.grantee));
const roleOid = (name: string): string => `(SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = ${literal(name)})`;

/** What GRANT names: `TABLE "s"."t"`, `FUNCTION "s"."f"(integer)`, `SCHEMA "s"`. */
function target(g: GrantEntry): string {
  if (g.on === 'column') return `TABLE ${rel(g)}`;
  if (g.on === 'function' || g.on === 'procedure') return `${g.on.toUpperCase()} ${rel(g)}(${g.sub})`;
  if (g.on === 'schema') return `SCHEMA ${ident(g.schema)}`;
  return `${g.on.toUpperCase()} ${rel(g)}`;
}

/** The privilege as GRANT writes it: `SELECT`, or `SELECT ("email")` on a column. */
const privilege = (g: GrantEntry): string => (g.on === 'column' ? `${g.privilege} (${ident(g.sub)})` : g.privilege);

/** `ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s]` */
const defaultsPrefix = (g: GrantEntry): string =>
  `ALTER DEFAULT PRIVILEGES${g.sub ? ` FOR ROLE ${ident(g.sub)}` : ''}${g.schema ? ` IN SCHEMA ${ident(g.schema)}` : ''}`;

function what(g: GrantEntry): string {
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

const who = (g: GrantEntry): string => (g.grantee === 'public' ? 'PUBLIC' : showName(g.grantee));
const show = (g: GrantEntry): string =>
  g.revoked ? `revoke of ${what(g)} from ${who(g)}` : `${g.on === 'default' ? 'default privilege' : 'grant'} ${what(g)} to ${who(g)}${g.grantable ? ' with grant option' : ''}`;

/** The ACL the database holds for the object (its default when the catalog holds NULL), as SQL. */
function aclOf(g: GrantEntry): string {
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

function present(g: GrantEntry): string {
  const who = g.grantee === 'public' ? '0' : roleOid(g.grantee);
  const entry = `SELECT 1 FROM pg_catalog.aclexplode(${aclOf(g)}) e WHERE e.grantee = ${who} AND e.privilege_type = ${literal(g.privilege)}`;
  return g.revoked ? `NOT EXISTS (${entry})` : `EXISTS (${entry} AND e.is_grantable = ${g.grantable})`;
}

function grantSql(g: GrantEntry): string {
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
function revokeOptionSql(g: GrantEntry): string {
  const prefix = g.on === 'default' ? `${defaultsPrefix(g)} ` : '';
  const on = g.on === 'default' ? g.name.toUpperCase() : target(g);
  return `${prefix}REVOKE GRANT OPTION FOR ${g.on === 'default' ? g.privilege : privilege(g)} ON ${on} FROM ${roleSql(g)}`;
}

function statement(g: GrantEntry, description: string, sql: string): ObjectStatement {
  return {
    phase: 'grants',
    description,
    sql,
    guard: needed(`NOT ${present(g)}`),
    lockLevel: isRelation(g) ? 'ACCESS SHARE' : 'none',
    locks: isRelation(g) ? [{ schema: g.schema, name: g.name }] : [],
  };
}

const isOwners = (g: GrantObject): g is GrantOwners => g.on === 'owners';

function ownedFrom(v: unknown): (readonly string[])[] {
  const parsed: unknown = typeof v === 'string' ? JSON.parse(v) : v;
  return Array.isArray(parsed) ? parsed.map((x) => (Array.isArray(x) ? x.map(asString) : [])).filter((x) => x.length === 5) : [];
}

/** What a grant is on, as the `owners` row names it: `[class, schema, name, sub]`. */
function ownedKey(g: GrantEntry): string | null {
  switch (g.on) {
    case 'table':
    case 'sequence':
    case 'column':
      return JSON.stringify(['relation', g.schema, g.name, '']);
    case 'function':
    case 'procedure':
      return JSON.stringify(['routine', g.schema, g.name, g.sub]);
    case 'schema':
      return JSON.stringify(['schema', g.schema, '', '']);
    case 'type':
      return JSON.stringify(['type', g.schema, g.name, '']);
    case 'default':
      return null;
  }
}

const OWNERS_KEY = objectKey('grant', ['owners']);
const ownerMaps = new WeakMap<GrantOwners, Map<string, string>>();

/** The owner of what `g` is on, on the server `owners` was read from. */
function ownerOf(g: GrantEntry, owners: GrantOwners): string {
  // Default privileges: for new objects of `sub`, or of the role the session runs as.
  if (g.on === 'default') return g.sub || owners.grantee;
  let byKey = ownerMaps.get(owners);
  if (!byKey) {
    byKey = new Map(owners.owned.map((o) => [JSON.stringify(o.slice(0, 4)), o[4] ?? '']));
    ownerMaps.set(owners, byKey);
  }
  const k = ownedKey(g);
  // Not listed: the session's role owns it, or it is missing and the plan creates it (as that role).
  return (k !== null ? byKey.get(k) : undefined) ?? owners.grantee;
}

/**
 * A declared grant to the role that owns the object on the live server (with grant option
 * or not: the owner has it) is held there; the `owners` row itself is neither missing nor extra.
 */
function held(g: GrantObject, live: ReadonlyMap<string, CatalogObject>): boolean {
  if (isOwners(g)) return true;
  if (g.revoked || g.grantee === 'public') return false;
  const owners = live.get(OWNERS_KEY);
  return owners !== undefined && owners.kind === 'grant' && isOwners(owners) && ownerOf(g, owners) === g.grantee;
}

const ownersText = (o: GrantOwners): string =>
  `owners: ${o.owned.length} object${o.owned.length === 1 ? '' : 's'} owned by roles other than ${showName(o.grantee)} (read to tell grants to an owner; not compared)`;

export const grantKind: ObjectKindDef<GrantObject> = {
  kind: 'grant',
  noun: 'grant',
  securityRelevant: true,
  sql: () => SQL,
  fromRow: (r) => {
    const on = asString(r['on']);
    if (on === 'owners') return { kind: 'grant', on: 'owners', grantee: asString(r['grantee']), owned: ownedFrom(r['owned']) };
    return {
      kind: 'grant',
      on: (ON as readonly string[]).includes(on) ? (on as GrantEntry['on']) : 'table',
      schema: asString(r['schema']),
      name: asString(r['name']),
      sub: asString(r['sub']),
      grantee: asString(r['grantee']),
      privilege: asString(r['privilege']),
      revoked: r['revoked'] === true,
      grantable: r['grantable'] === true,
    };
  },
  identity: (g) => (isOwners(g) ? ['owners'] : [g.on, g.schema, g.name, g.sub, g.grantee, g.privilege, g.revoked ? 'revoked' : 'granted']),
  table: (g) => (!isOwners(g) && isRelation(g) ? { schema: g.schema, name: g.name } : null),
  display: (g) => (isOwners(g) ? ownersText(g) : show(g)),
  dependsOn: () => [],
  partOf: (g) => (isOwners(g) ? [] : attachedTo(g.on, g.schema, g.name, g.sub)),
  roles: (g) => (isOwners(g) ? [] : [...(g.grantee === 'public' ? [] : [g.grantee]), ...(g.on === 'default' && g.sub ? [g.sub] : [])]),
  differs: (d, l) => (isOwners(d) || isOwners(l) || d.grantable === l.grantable ? [] : ['grant option']),
  held,
  create: (g) =>
    isOwners(g) ? [] : [statement(g, g.revoked ? `revoke ${what(g)} from ${who(g)}` : `grant ${what(g)} to ${who(g)}${g.grantable ? ' with grant option' : ''}`, grantSql(g))],
  repair: (d) =>
    isOwners(d)
      ? []
      : d.grantable
        ? [statement(d, `grant ${what(d)} to ${who(d)} with grant option (held without it)`, grantSql(d))]
        : [statement(d, `take the grant option of ${what(d)} from ${who(d)}`, revokeOptionSql(d))],
  text: (g) => (isOwners(g) ? `-- ${ownersText(g)}` : `${grantSql(g)};`),
  drop: (g) =>
    isOwners(g)
      ? ''
      : g.revoked
        ? grantSql({ ...g, revoked: false, grantable: false })
        : g.on === 'default'
          ? `${defaultsPrefix(g)} REVOKE ${g.privilege} ON ${g.name.toUpperCase()} FROM ${roleSql(g)}`
          : `REVOKE ${privilege(g)} ON ${target(g)} FROM ${roleSql(g)}`,
  present: (g) => (isOwners(g) ? 'true' : present(g)),
};
