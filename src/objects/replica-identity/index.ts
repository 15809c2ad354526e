/**
 * Replica identity of tables (`ALTER TABLE … REPLICA IDENTITY`): set after the
 * indexes (`USING INDEX` names one), under a brief ACCESS EXCLUSIVE lock, no
 * rewrite. Read from `relreplident` and, for `USING INDEX`, `indisreplident`.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asString, displayName, needed, notExtensionMember, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { ReplicaIdentityObject } from './model.js';

export type { ReplicaIdentityObject } from './model.js';

const CODE: Record<ReplicaIdentityObject['identity'], string> = { full: 'f', nothing: 'n', index: 'i' };

const SQL = `
SELECT n.nspname AS schema, c.relname AS name, c.relreplident AS identity,
       coalesce((SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident), '') AS index
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('r', 'p')
  AND c.relreplident <> 'd'
  AND ${notExtensionMember('pg_class', 'c')}`;

const setting = (r: ReplicaIdentityObject): string => (r.identity === 'index' ? `USING INDEX ${ident(r.index)}` : r.identity.toUpperCase());
// relreplident 'i' with no index marked indisreplident (its index was dropped): PostgreSQL then has no
// identity at all (UPDATE and DELETE fail while a publication publishes them). Read as such, it differs
// from every declared setting, so a re-plan sets the declared one again.
const shown = (r: ReplicaIdentityObject): string =>
  r.identity === 'index' ? (r.index === '' ? 'USING INDEX (none: its index was dropped, so the table has no identity)' : `USING INDEX ${showName(r.index)}`) : r.identity.toUpperCase();
const show = (r: ReplicaIdentityObject): string => `replica identity ${shown(r)} of ${displayName(r.schema, r.name)}`;
const alter = (r: ReplicaIdentityObject, to: string): string => `ALTER TABLE ${qualified(r)} REPLICA IDENTITY ${to}`;

/** The table's replica identity is `r` where the script runs (also the plan's test that an index is the identity, src/plan/build-fixes.ts). */
export const replicaIdentityIs = (r: ReplicaIdentityObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass(${literal(qualified(r))}) AND c.relreplident = ${literal(CODE[r.identity])}` +
  (r.identity === 'index'
    ? ` AND EXISTS (SELECT 1 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = c.oid AND x.indisreplident AND i.relname = ${literal(r.index)})`
    : '') +
  ')';

function set(r: ReplicaIdentityObject, description: string): ObjectStatement {
  return {
    phase: 'replica-identity',
    description,
    sql: alter(r, setting(r)),
    guard: needed(`NOT ${replicaIdentityIs(r)}`),
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [{ schema: r.schema, name: r.name }],
  };
}

export const replicaIdentityKind: ObjectKindDef<ReplicaIdentityObject> = {
  kind: 'replica-identity',
  noun: 'replica identity',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => {
    const code = asString(r['identity']);
    const identity = code === 'f' ? 'full' : code === 'n' ? 'nothing' : 'index';
    return { kind: 'replica-identity', schema: asString(r['schema']), name: asString(r['name']), identity, index: identity === 'index' ? asString(r['index']) : '' };
  },
  identity: (r) => [r.schema, r.name],
  table: (r) => ({ schema: r.schema, name: r.name }),
  display: show,
  dependsOn: () => [],
  differs: (d, l) => (d.identity !== l.identity || d.index !== l.index ? ['setting'] : []),
  create: (r) => [set(r, `set ${show(r)}`)],
  repair: (d, l) => [set(d, `set ${show(d)} (live: ${shown(l)})`)],
  text: (r) => (r.identity === 'index' && r.index === '' ? `-- ${alter(r, 'USING INDEX')}: its index was dropped, the table has no identity` : `${alter(r, setting(r))};`),
  drop: (r) => alter(r, 'DEFAULT'),
  present: replicaIdentityIs,
};
