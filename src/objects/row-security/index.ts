/**
 * Row-level security flags of tables (`ENABLE` / `FORCE ROW LEVEL SECURITY`),
 * one object per flag set. Missing flags are set (after the table's policies,
 * see the phases); extra ones are kept and shown as warnings.
 */
import { literal, qualified } from '../../render/quote.js';
import { asString, displayName, needed, notExtensionMember } from '../sql.js';
import type { ObjectKindDef } from '../types.js';
import type { RowSecurityObject } from './model.js';

export type { RowSecurityObject } from './model.js';

const SQL = `
SELECT n.nspname AS schema, c.relname AS name, f.flag
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (VALUES ('enable', c.relrowsecurity), ('force', c.relforcerowsecurity)) AS f(flag, isset)
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('r', 'p')
  AND f.isset
  AND ${notExtensionMember('pg_class', 'c')}`;

const COLUMN: Record<RowSecurityObject['flag'], string> = { enable: 'relrowsecurity', force: 'relforcerowsecurity' };
const show = (r: RowSecurityObject): string => `row-level security ${r.flag === 'enable' ? 'enabled' : 'forced'} on ${displayName(r.schema, r.name)}`;
const present = (r: RowSecurityObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass(${literal(qualified(r))}) AND ${COLUMN[r.flag]})`;

export const rowSecurityKind: ObjectKindDef<RowSecurityObject> = {
  kind: 'row-security',
  noun: 'row-level security',
  securityRelevant: true,
  sql: () => SQL,
  fromRow: (r) => ({ kind: 'row-security', schema: asString(r['schema']), name: asString(r['name']), flag: r['flag'] === 'force' ? 'force' : 'enable' }),
  identity: (r) => [r.schema, r.name, r.flag],
  table: (r) => ({ schema: r.schema, name: r.name }),
  display: show,
  dependsOn: () => [],
  differs: () => [],
  create: (r) => [
    {
      phase: 'row-security',
      description: `${r.flag} row-level security on ${displayName(r.schema, r.name)}`,
      sql: `ALTER TABLE ${qualified(r)} ${r.flag === 'enable' ? 'ENABLE' : 'FORCE'} ROW LEVEL SECURITY`,
      guard: needed(`NOT ${present(r)}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [{ schema: r.schema, name: r.name }],
    },
  ],
  repair: () => [],
  text: (r) => `ALTER TABLE ${qualified(r)} ${r.flag === 'enable' ? 'ENABLE' : 'FORCE'} ROW LEVEL SECURITY;`,
  drop: (r) => `ALTER TABLE ${qualified(r)} ${r.flag === 'enable' ? 'DISABLE' : 'NO FORCE'} ROW LEVEL SECURITY`,
  present,
};
