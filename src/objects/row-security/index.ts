/**
 * Row-level security flags of tables (`ENABLE` / `FORCE ROW LEVEL SECURITY`).
 * Only flags the declared model sets are added; a live table with a flag the
 * model does not set keeps it (additive); a table whose flags the model does not
 * set at all is an extra object, shown as a warning.
 */
import { displayName } from '../../render/model-text.js';
import { literal, qualified } from '../../render/quote.js';
import { asString, needed, notExtensionMember } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { RowSecurityObject } from './model.js';

export type { RowSecurityObject } from './model.js';

const SQL = `
SELECT n.nspname AS schema, c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('r', 'p')
  AND (c.relrowsecurity OR c.relforcerowsecurity)
  AND ${notExtensionMember('pg_class', 'c')}`;

const show = (r: RowSecurityObject): string => `row-level security of ${displayName(r.schema, r.name)}`;
const flag = (r: { schema: string; name: string }, column: string): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass(${literal(qualified(r))}) AND ${column})`;

function flagStatement(r: RowSecurityObject, which: 'enabled' | 'forced', locks: boolean): ObjectStatement {
  const column = which === 'enabled' ? 'relrowsecurity' : 'relforcerowsecurity';
  return {
    phase: 'row-security',
    description: `${which === 'enabled' ? 'enable' : 'force'} row-level security on ${displayName(r.schema, r.name)}`,
    sql: `ALTER TABLE ${qualified(r)} ${which === 'enabled' ? 'ENABLE' : 'FORCE'} ROW LEVEL SECURITY`,
    guard: needed(`NOT ${flag(r, column)}`),
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: locks ? [{ schema: r.schema, name: r.name }] : [],
  };
}

const wanted = (r: RowSecurityObject): ('enabled' | 'forced')[] => [...(r.enabled ? ['enabled' as const] : []), ...(r.forced ? ['forced' as const] : [])];

export const rowSecurityKind: ObjectKindDef<RowSecurityObject> = {
  kind: 'row-security',
  noun: 'row-level security',
  securityRelevant: true,
  sql: () => SQL,
  fromRow: (r) => ({ kind: 'row-security', schema: asString(r['schema']), name: asString(r['name']), enabled: r['enabled'] === true, forced: r['forced'] === true }),
  identity: (r) => [r.schema, r.name],
  table: (r) => ({ schema: r.schema, name: r.name }),
  display: show,
  dependsOn: () => [],
  // Only flags the model sets count: a live flag beyond them is kept (additive), like an extra object.
  differs: (d, l) => wanted(d).filter((w) => !l[w]),
  create: (r) => wanted(r).map((w) => flagStatement(r, w, false)),
  repair: (d, _l, aspects) => wanted(d).filter((w) => aspects.includes(w)).map((w) => flagStatement(d, w, true)),
  present: (r) =>
    `EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass(${literal(qualified(r))})${r.enabled ? ' AND relrowsecurity' : ''}${r.forced ? ' AND relforcerowsecurity' : ''})`,
};
