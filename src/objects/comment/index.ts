/**
 * Comments on tables, views, sequences, columns, functions, procedures and types
 * (domains, enums): compared by text, set with `COMMENT ON ... IS` (a brief SHARE
 * UPDATE EXCLUSIVE lock on a relation), after every object they describe exists.
 * A comment the model lacks is kept (shown as extra); a differing one is replaced.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asString, attachedTo, displayName, keySql, needed, notExtensionMember, objectKey, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { CommentObject } from './model.js';

export type { CommentObject } from './model.js';

const RELKIND = `CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' END`;

const SQL = `
SELECT CASE WHEN d.objsubid = 0 THEN ${RELKIND} ELSE 'column' END AS "on", n.nspname AS schema, c.relname AS name,
       CASE WHEN d.objsubid = 0 THEN '' ELSE a.attname::text END AS sub, d.description AS text, ARRAY[]::text[] AS depends_on
FROM pg_description d
JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND (d.objsubid = 0 OR NOT a.attisdropped)
  AND ${notExtensionMember('pg_class', 'c')}
UNION ALL
SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname, oidvectortypes(p.proargtypes), d.description,
       ARRAY[${keySql('function', ['n.nspname', 'p.proname', 'oidvectortypes(p.proargtypes)'])}]
FROM pg_description d
JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND p.oid = d.objoid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ANY($1) AND p.prokind IN ('f', 'p') AND ${notExtensionMember('pg_proc', 'p')}
UNION ALL
SELECT 'type', n.nspname, t.typname, '', d.description, ARRAY[]::text[]
FROM pg_description d
JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND t.oid = d.objoid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ANY($1) AND t.typtype IN ('d', 'e') AND ${notExtensionMember('pg_type', 't')}`;

const ON: readonly CommentObject['on'][] = ['table', 'view', 'materialized view', 'sequence', 'foreign table', 'column', 'function', 'procedure', 'type'];
const isRelation = (c: CommentObject): boolean => c.on !== 'function' && c.on !== 'procedure' && c.on !== 'type';
const rel = (c: CommentObject): string => qualified({ schema: c.schema, name: c.name });

/** What COMMENT ON names: `TABLE "s"."t"`, `COLUMN "s"."t"."c"`, `FUNCTION "s"."f"(integer)`. */
function target(c: CommentObject): string {
  if (c.on === 'column') return `COLUMN ${rel(c)}.${ident(c.sub)}`;
  if (c.on === 'function' || c.on === 'procedure') return `${c.on.toUpperCase()} ${rel(c)}(${c.sub})`;
  return `${c.on.toUpperCase()} ${rel(c)}`;
}

const show = (c: CommentObject): string => {
  const what = c.on === 'column' ? `column ${displayName(c.schema, c.name)}.${showName(c.sub)}` : c.on === 'function' || c.on === 'procedure' ? `${c.on} ${displayName(c.schema, c.name)}(${c.sub})` : `${c.on} ${displayName(c.schema, c.name)}`;
  return `comment on ${what}`;
};

/** The comment PostgreSQL holds for the object, as SQL (null when it or its comment is absent). */
function currentText(c: CommentObject): string {
  const regclass = `pg_catalog.to_regclass(${literal(rel(c))})`;
  if (c.on === 'column') {
    return `pg_catalog.col_description(${regclass}, (SELECT attnum FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass} AND attname = ${literal(c.sub)} AND NOT attisdropped))`;
  }
  if (c.on === 'function' || c.on === 'procedure') return `pg_catalog.obj_description(pg_catalog.to_regprocedure(${literal(`${rel(c)}(${c.sub})`)}), 'pg_proc')`;
  if (c.on === 'type') return `pg_catalog.obj_description(pg_catalog.to_regtype(${literal(rel(c))}), 'pg_type')`;
  return `pg_catalog.obj_description(${regclass}, 'pg_class')`;
}

const present = (c: CommentObject): string => `(${currentText(c)}) IS NOT DISTINCT FROM ${literal(c.text)}`;

function set(c: CommentObject, description: string): ObjectStatement {
  return {
    phase: 'comments',
    description,
    sql: `COMMENT ON ${target(c)} IS ${literal(c.text)}`,
    guard: needed(`NOT ${present(c)}`),
    lockLevel: isRelation(c) ? 'SHARE UPDATE EXCLUSIVE' : 'none',
    locks: isRelation(c) ? [{ schema: c.schema, name: c.name }] : [],
  };
}

export const commentKind: ObjectKindDef<CommentObject> = {
  kind: 'comment',
  noun: 'comment',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => {
    const on = asString(r['on']) as CommentObject['on'];
    return { kind: 'comment', on: ON.includes(on) ? on : 'table', schema: asString(r['schema']), name: asString(r['name']), sub: asString(r['sub']), text: asString(r['text']) };
  },
  identity: (c) => [c.on, c.schema, c.name, c.sub],
  table: (c) => (isRelation(c) ? { schema: c.schema, name: c.name } : null),
  display: show,
  partOf: (c) => attachedTo(c.on, c.schema, c.name, c.sub),
  dependsOn: () => [],
  differs: (d, l) => (d.text !== l.text ? ['text'] : []),
  create: (c) => [set(c, `set ${show(c)}`)],
  repair: (d) => [set(d, `replace ${show(d)}`)],
  text: (c) => `COMMENT ON ${target(c)} IS ${literal(c.text)};`,
  drop: (c) => `COMMENT ON ${target(c)} IS NULL`,
  present,
};
