/**
 * Comments on tables, views, sequences, columns, functions, procedures, types (domains,
 * enums, composite and range types), schemas, indexes, constraints of tables and domains,
 * triggers and policies: compared by text, set with `COMMENT ON ... IS` after every object
 * they describe exists (the catalog query: ./catalog.ts). A comment the model lacks is kept
 * (shown as extra); a differing one is replaced. The locks, as PostgreSQL 14 and 18 take
 * them: SHARE UPDATE EXCLUSIVE on the relation commented on (a table, view, sequence,
 * column's table, index); ACCESS SHARE on the table of a constraint, trigger or policy (and a
 * lock on that object alone); no relation lock for a schema, function, type or domain constraint.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import type { LockLevel } from '../../plan/types.js';
import { asString, asStrings, attachedTo, displayName, needed, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import { COMMENTS_SQL } from './catalog.js';
import type { CommentObject } from './model.js';

export type { CommentObject } from './model.js';

const ON: readonly CommentObject['on'][] = [
  'table',
  'view',
  'materialized view',
  'sequence',
  'foreign table',
  'column',
  'function',
  'procedure',
  'type',
  'schema',
  'index',
  'constraint',
  'domain constraint',
  'trigger',
  'policy',
];
/** The comment is on a relation (or its column), locked SHARE UPDATE EXCLUSIVE. */
const onRelation = (c: CommentObject): boolean => ['table', 'view', 'materialized view', 'sequence', 'foreign table', 'column'].includes(c.on);
/** The comment is on something of a table that COMMENT ON names with `name ON table`. */
const onTableObject = (c: CommentObject): boolean => c.on === 'constraint' || c.on === 'trigger' || c.on === 'policy';
const rel = (c: CommentObject): string => qualified({ schema: c.schema, name: c.name });
const index = (c: CommentObject): string => qualified({ schema: c.schema, name: c.sub });

/** What COMMENT ON names: `TABLE "s"."t"`, `COLUMN "s"."t"."c"`, `FUNCTION "s"."f"(integer)`, `TRIGGER "g" ON "s"."t"`. */
function target(c: CommentObject): string {
  if (c.on === 'column') return `COLUMN ${rel(c)}.${ident(c.sub)}`;
  if (c.on === 'function' || c.on === 'procedure') return `${c.on.toUpperCase()} ${rel(c)}(${c.sub})`;
  if (c.on === 'schema') return `SCHEMA ${ident(c.schema)}`;
  if (c.on === 'index') return `INDEX ${index(c)}`;
  if (c.on === 'domain constraint') return `CONSTRAINT ${ident(c.sub)} ON DOMAIN ${rel(c)}`;
  if (onTableObject(c)) return `${c.on.toUpperCase()} ${ident(c.sub)} ON ${rel(c)}`;
  return `${c.on.toUpperCase()} ${rel(c)}`;
}

function what(c: CommentObject): string {
  const on = displayName(c.schema, c.name);
  if (c.on === 'column') return `column ${on}.${showName(c.sub)}`;
  if (c.on === 'function' || c.on === 'procedure') return `${c.on} ${on}(${c.sub})`;
  if (c.on === 'schema') return `schema ${showName(c.schema)}`;
  if (c.on === 'index') return `index ${displayName(c.schema, c.sub)} on ${on}`;
  if (c.on === 'domain constraint') return `constraint ${showName(c.sub)} on domain ${on}`;
  if (onTableObject(c)) return `${c.on} ${showName(c.sub)} on ${on}`;
  return `${c.on} ${on}`;
}

const show = (c: CommentObject): string => `comment on ${what(c)}`;

/** The oid of the constraint, trigger or policy, as SQL (null when it or its table or domain is absent). */
function objectOid(c: CommentObject): string {
  const table = `pg_catalog.to_regclass(${literal(rel(c))})`;
  const name = literal(c.sub);
  if (c.on === 'domain constraint') return `(SELECT oid FROM pg_catalog.pg_constraint WHERE contypid = pg_catalog.to_regtype(${literal(rel(c))}) AND conname = ${name})`;
  if (c.on === 'constraint') return `(SELECT oid FROM pg_catalog.pg_constraint WHERE conrelid = ${table} AND conname = ${name})`;
  if (c.on === 'trigger') return `(SELECT oid FROM pg_catalog.pg_trigger WHERE tgrelid = ${table} AND tgname = ${name})`;
  return `(SELECT oid FROM pg_catalog.pg_policy WHERE polrelid = ${table} AND polname = ${name})`;
}

const CATALOG: Partial<Record<CommentObject['on'], string>> = { constraint: 'pg_constraint', 'domain constraint': 'pg_constraint', trigger: 'pg_trigger', policy: 'pg_policy' };

/** The comment PostgreSQL holds for the object, as SQL (null when it or its comment is absent). */
function currentText(c: CommentObject): string {
  if (c.on === 'schema') return `pg_catalog.obj_description(pg_catalog.to_regnamespace(${literal(ident(c.schema))}), 'pg_namespace')`;
  const regclass = `pg_catalog.to_regclass(${literal(rel(c))})`;
  if (c.on === 'column') {
    return `pg_catalog.col_description(${regclass}, (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass} AND attname = ${literal(c.sub)} AND NOT attisdropped))`;
  }
  if (c.on === 'function' || c.on === 'procedure') return `pg_catalog.obj_description(pg_catalog.to_regprocedure(${literal(`${rel(c)}(${c.sub})`)}), 'pg_proc')`;
  if (c.on === 'type') return `pg_catalog.obj_description(pg_catalog.to_regtype(${literal(rel(c))}), 'pg_type')`;
  if (c.on === 'index') return `pg_catalog.obj_description(pg_catalog.to_regclass(${literal(index(c))}), 'pg_class')`;
  const catalog = CATALOG[c.on];
  if (catalog) return `pg_catalog.obj_description(${objectOid(c)}, ${literal(catalog)})`;
  return `pg_catalog.obj_description(${regclass}, 'pg_class')`;
}

const present = (c: CommentObject): string => `(${currentText(c)}) IS NOT DISTINCT FROM ${literal(c.text)}`;

/** The relation lock COMMENT ON takes, and on which relation. */
function lock(c: CommentObject): { lockLevel: LockLevel; locks: { schema: string; name: string }[] } {
  if (onRelation(c)) return { lockLevel: 'SHARE UPDATE EXCLUSIVE', locks: [{ schema: c.schema, name: c.name }] };
  if (c.on === 'index') return { lockLevel: 'SHARE UPDATE EXCLUSIVE', locks: [{ schema: c.schema, name: c.sub }] };
  if (onTableObject(c)) return { lockLevel: 'ACCESS SHARE', locks: [{ schema: c.schema, name: c.name }] };
  return { lockLevel: 'none', locks: [] };
}

function set(c: CommentObject, description: string): ObjectStatement {
  return { phase: 'comments', description, sql: `COMMENT ON ${target(c)} IS ${literal(c.text)}`, guard: needed(`NOT ${present(c)}`), ...lock(c) };
}

export const commentKind: ObjectKindDef<CommentObject> = {
  kind: 'comment',
  noun: 'comment',
  securityRelevant: false,
  sql: () => COMMENTS_SQL,
  fromRow: (r) => {
    const on = asString(r['on']) as CommentObject['on'];
    const dependsOn = asStrings(r['depends_on']);
    return {
      kind: 'comment',
      on: ON.includes(on) ? on : 'table',
      schema: asString(r['schema']),
      name: asString(r['name']),
      sub: asString(r['sub']),
      text: asString(r['text']),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    };
  },
  identity: (c) => [c.on, c.schema, c.name, c.sub],
  table: (c) => (onRelation(c) || c.on === 'index' || onTableObject(c) ? { schema: c.schema, name: c.name } : null),
  display: show,
  // Dropping and creating what it is on (a function, view, domain, type, trigger, policy, view index) takes it along.
  partOf: (c) => [...new Set([...attachedTo(c.on, c.schema, c.name, c.sub), ...(c.dependsOn ?? [])])],
  dependsOn: (c) => c.dependsOn ?? [],
  differs: (d, l) => (d.text !== l.text ? ['text'] : []),
  create: (c) => [set(c, `set ${show(c)}`)],
  repair: (d) => [set(d, `replace ${show(d)}`)],
  text: (c) => `COMMENT ON ${target(c)} IS ${literal(c.text)};`,
  drop: (c) => `COMMENT ON ${target(c)} IS NULL`,
  present,
};
