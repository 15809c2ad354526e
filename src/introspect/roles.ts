/**
 * The live server's role names, read only when a change names roles (a grant's
 * grantee, a policy's roles): such a change is planned only if its roles exist,
 * since this tool never creates roles.
 */
import type { Queryable } from '../db/pool.js';
import type { Change } from '../diff/changes.js';
import { kindOf } from '../objects/index.js';

export function namesRoles(changes: readonly Change[]): boolean {
  return changes.some((c) => {
    const o = c.kind === 'missing-object' ? c.object : c.kind === 'object-differs' ? c.declared : null;
    return o !== null && (kindOf(o).roles?.(o) ?? []).length > 0;
  });
}

export async function liveRoles(db: Queryable, changes: readonly Change[]): Promise<Set<string> | undefined> {
  if (!namesRoles(changes)) return undefined;
  const { rows } = await db.query<{ rolname: string }>('SELECT rolname::text AS rolname FROM pg_catalog.pg_roles');
  return new Set(rows.map((r) => r.rolname));
}
