/**
 * One privilege that differs from an object's default: granted to a role (or
 * PUBLIC) beyond what the object has when created, or a default privilege
 * revoked (`REVOKE EXECUTE ON FUNCTION … FROM PUBLIC`). Privileges of the
 * object's owner are not modelled: the owner differs between the shadow and the
 * live server and holds every privilege by ownership.
 */
export interface GrantEntry {
  readonly kind: 'grant';
  /** What the privilege is on; `default` is `ALTER DEFAULT PRIVILEGES`. */
  readonly on: 'table' | 'sequence' | 'column' | 'function' | 'procedure' | 'schema' | 'type' | 'default';
  /** The object's schema; for `schema` the schema itself; for `default` the schema it is limited to, or '' (the whole database). */
  readonly schema: string;
  /** The relation, function or type; '' for a schema; for `default` what it applies to: `tables`, `sequences`, `functions`, `types`, `schemas`. */
  readonly name: string;
  /** The column (`column`), the identity arguments (`function`, `procedure`); for `default` the role whose new objects it applies to ('' = the role the migrations run as); else ''. */
  readonly sub: string;
  /** Role name, or `public` for PUBLIC (no role can be named public). */
  readonly grantee: string;
  /** `SELECT`, `INSERT`, `USAGE`, `EXECUTE`, … as aclexplode names it. */
  readonly privilege: string;
  /** True: a privilege the object has by default, revoked. */
  readonly revoked: boolean;
  /** Granted WITH GRANT OPTION (false for a revoked one). */
  readonly grantable: boolean;
}

/**
 * Who owns what on the server read: no privilege and never compared, read so that a
 * declared grant to the role that owns the object there counts as held (the owner
 * holds every privilege, with grant option, by ownership; a GRANT to it changes
 * nothing the catalog shows). One per database, present only when another role than
 * the session's owns something read (never in a shadow, which skips OWNER TO). It has no
 * schema or name: `--schema` keeps it.
 */
export interface GrantOwners {
  readonly kind: 'grant';
  readonly on: 'owners';
  /** The role the session runs as (`current_user`): it owns every object not listed, and what a plan creates. */
  readonly grantee: string;
  /** Objects owned by another role: `[class, schema, name, sub, owner]`, class `relation`, `routine` (sub: the identity arguments), `schema` or `type`. */
  readonly owned: readonly (readonly string[])[];
}

export type GrantObject = GrantEntry | GrantOwners;
