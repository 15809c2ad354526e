/**
 * Inheritance links (not partitions): `ALTER TABLE child INHERIT parent` once
 * the child has every column and check the parent has (after the columns, the
 * constraints and their validation), under a brief ACCESS EXCLUSIVE lock on the
 * child and SHARE UPDATE EXCLUSIVE on the parent; no row is read or written. An
 * extra live link is kept and shown: its rows are part of every query on the parent.
 */
import { literal, qualified } from '../../render/quote.js';
import { asString, displayName, needed, notExtensionMember } from '../sql.js';
import type { ObjectKindDef } from '../types.js';
import type { InheritanceObject } from './model.js';

export type { InheritanceObject } from './model.js';

const SQL = `
SELECT cn.nspname AS schema, c.relname AS name, pn.nspname AS parent_schema, p.relname AS parent
FROM pg_inherits i
JOIN pg_class c ON c.oid = i.inhrelid
JOIN pg_namespace cn ON cn.oid = c.relnamespace
JOIN pg_class p ON p.oid = i.inhparent
JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE cn.nspname = ANY($1)
  AND c.relkind = 'r' AND p.relkind = 'r' AND NOT c.relispartition
  AND ${notExtensionMember('pg_class', 'c')}`;

const child = (o: InheritanceObject): string => qualified({ schema: o.schema, name: o.name });
const parent = (o: InheritanceObject): string => qualified({ schema: o.parentSchema, name: o.parent });
const show = (o: InheritanceObject): string => `inheritance of ${displayName(o.schema, o.name)} from ${displayName(o.parentSchema, o.parent)}`;

const present = (o: InheritanceObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = pg_catalog.to_regclass(${literal(child(o))}) AND inhparent = pg_catalog.to_regclass(${literal(parent(o))}))`;

export const inheritanceKind: ObjectKindDef<InheritanceObject> = {
  kind: 'inheritance',
  noun: 'inheritance link',
  securityRelevant: false,
  extraRisk: (o) => `the rows of ${displayName(o.schema, o.name)} are part of every query on ${displayName(o.parentSchema, o.parent)} (ALTER TABLE … NO INHERIT ends that)`,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'inheritance',
    schema: asString(r['schema']),
    name: asString(r['name']),
    parentSchema: asString(r['parent_schema']),
    parent: asString(r['parent']),
  }),
  identity: (o) => [o.schema, o.name, o.parentSchema, o.parent],
  table: (o) => ({ schema: o.schema, name: o.name }),
  display: show,
  dependsOn: () => [],
  differs: () => [],
  create: (o) => [
    {
      phase: 'inheritance',
      description: `make ${displayName(o.schema, o.name)} inherit from ${displayName(o.parentSchema, o.parent)} (its rows become part of queries on ${displayName(o.parentSchema, o.parent)})`,
      sql: `ALTER TABLE ${child(o)} INHERIT ${parent(o)}`,
      guard: needed(`NOT ${present(o)}`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [
        { schema: o.schema, name: o.name },
        { schema: o.parentSchema, name: o.parent },
      ],
    },
  ],
  repair: () => [],
  text: (o) => `ALTER TABLE ${child(o)} INHERIT ${parent(o)};`,
  drop: (o) => `ALTER TABLE ${child(o)} NO INHERIT ${parent(o)}`,
  present,
};
