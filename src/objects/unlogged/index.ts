/**
 * UNLOGGED tables. A table the model declares unlogged is made so with
 * `ALTER TABLE … SET UNLOGGED`, which rewrites it under ACCESS EXCLUSIVE: the
 * `rewrite` hazard when it holds rows, none for a table the plan creates. It runs
 * before the foreign keys are added (a logged table may not reference an unlogged one).
 */
import { literal, qualified } from '../../render/quote.js';
import { asString, displayName, needed, notExtensionMember } from '../sql.js';
import type { ObjectKindDef } from '../types.js';
import type { UnloggedObject } from './model.js';

export type { UnloggedObject } from './model.js';

const SQL = `
SELECT n.nspname AS schema, c.relname AS name
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)
  AND c.relkind = 'r'
  AND c.relpersistence = 'u'
  AND ${notExtensionMember('pg_class', 'c')}`;

const show = (u: UnloggedObject): string => `UNLOGGED on ${displayName(u.schema, u.name)}`;
const present = (u: UnloggedObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass(${literal(qualified(u))}) AND relpersistence = 'u')`;

export const unloggedKind: ObjectKindDef<UnloggedObject> = {
  kind: 'unlogged',
  noun: 'unlogged setting',
  securityRelevant: false,
  extraRisk: () => 'its rows are not written to the WAL: a crash empties it and replicas lack them (ALTER TABLE … SET LOGGED, a rewrite, makes it durable)',
  sql: () => SQL,
  fromRow: (r) => ({ kind: 'unlogged', schema: asString(r['schema']), name: asString(r['name']) }),
  identity: (u) => [u.schema, u.name],
  table: (u) => ({ schema: u.schema, name: u.name }),
  display: show,
  dependsOn: () => [],
  differs: () => [],
  create: (u) => [
    {
      phase: 'columns',
      description: `make ${displayName(u.schema, u.name)} unlogged`,
      sql: `ALTER TABLE ${qualified(u)} SET UNLOGGED`,
      guard: needed(`NOT ${present(u)}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [{ schema: u.schema, name: u.name }],
      duration: 'long',
      rewrites: { schema: u.schema, name: u.name },
    },
  ],
  repair: () => [],
  text: (u) => `ALTER TABLE ${qualified(u)} SET UNLOGGED;`,
  drop: (u) => `ALTER TABLE ${qualified(u)} SET LOGGED`,
  present,
};
