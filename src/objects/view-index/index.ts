/**
 * Indexes on materialized views, compared by `pg_get_indexdef` (the name aside)
 * and validity. A missing one is built `CONCURRENTLY` after its view (a unique one
 * is what `REFRESH MATERIALIZED VIEW CONCURRENTLY` needs), after dropping an invalid
 * leftover of the same name. One with another definition, or invalid, is rebuilt
 * under the `replace-index` hazard without a window lacking it: built concurrently
 * under a temporary name, then swapped for the old one in one brief transaction.
 * A view dropped and created again takes its indexes along: they are built again.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asString, atomically, displayName, needed, notExtensionMember, objectKey, showName } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { ViewIndexObject } from './model.js';

export type { ViewIndexObject } from './model.js';

const SQL = `
SELECT n.nspname AS schema, c.relname AS view, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition, x.indisvalid AS valid
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)
  AND c.relkind = 'm'
  AND ${notExtensionMember('pg_class', 'c')}`;

const show = (x: ViewIndexObject): string => `index ${showName(x.name)} on materialized view ${displayName(x.schema, x.view)}`;
const indexName = (x: ViewIndexObject, name = x.name): string => qualified({ schema: x.schema, name });
/** The definition without its name, which is compared apart. */
const shape = (definition: string): string => definition.replace(/^(CREATE (?:UNIQUE )?INDEX )(?:"(?:[^"]|"")+"|\S+) ON /, '$1ON ');
/** The declared definition under another name, built concurrently. */
const buildSql = (x: ViewIndexObject, name: string): string =>
  shape(x.definition).replace(/^CREATE (UNIQUE )?INDEX ON /, (_m, u: string | undefined) => `CREATE ${u ?? ''}INDEX CONCURRENTLY IF NOT EXISTS ${ident(name)} ON `);

/** A name for the replacement, within the 63 bytes of an identifier. */
function tempName(x: ViewIndexObject): string {
  const suffix = '_reconcile_new';
  let base = x.name;
  while (Buffer.byteLength(base + suffix) > 63) base = base.slice(0, -1);
  return base + suffix;
}

const FROM =
  'FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace';
const named = (x: ViewIndexObject, name: string): string =>
  `n.nspname = ${literal(x.schema)} AND i.relname = ${literal(name)} AND x.indrelid = pg_catalog.to_regclass(${literal(qualified({ schema: x.schema, name: x.view }))})`;
/** An index of that name on the view, valid and built as `x` says (the name aside), when `valid`; any of that name otherwise. */
const exists = (x: ViewIndexObject, name: string, asDeclared: boolean): string =>
  `EXISTS (SELECT 1 ${FROM} WHERE ${named(x, name)}${
    asDeclared
      ? ` AND x.indisvalid AND pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX )("([^"]|"")+"|\\S+) ON ', '\\1ON ') = ${literal(shape(x.definition))}`
      : ''
  })`;
const present = (x: ViewIndexObject): string => exists(x, x.name, true);
const invalidLeftover = (x: ViewIndexObject, name: string): string => `EXISTS (SELECT 1 ${FROM} WHERE ${named(x, name)} AND NOT x.indisvalid)`;

const view = (x: ViewIndexObject) => ({ schema: x.schema, name: x.view });
const base = (x: ViewIndexObject): Pick<ObjectStatement, 'phase' | 'locks' | 'lockLevel'> => ({ phase: 'view-indexes', locks: [view(x)], lockLevel: 'SHARE UPDATE EXCLUSIVE' });

/** Drop an invalid index of that name (a failed concurrent build leaves one), then build it concurrently. */
function build(x: ViewIndexObject, name: string, description: string): ObjectStatement[] {
  const dropLeftover = { guard: needed(invalidLeftover(x, name)), sql: `DROP INDEX CONCURRENTLY IF EXISTS ${indexName(x, name)}` };
  return [
    { ...base(x), description: `drop invalid leftover index ${name} on materialized view ${displayName(x.schema, x.view)}`, ...dropLeftover, transactional: false },
    {
      ...base(x),
      description,
      sql: buildSql(x, name),
      guard: needed(`NOT ${name === x.name ? present(x) : `(${present(x)} OR ${exists(x, name, true)})`}`),
      transactional: false,
      duration: 'long',
      cleanup: dropLeftover,
    },
  ];
}

export const viewIndexKind: ObjectKindDef<ViewIndexObject> = {
  kind: 'view-index',
  noun: 'materialized view index',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => ({
    kind: 'view-index',
    schema: asString(r['schema']),
    view: asString(r['view']),
    name: asString(r['name']),
    definition: asString(r['definition']),
    valid: r['valid'] !== false,
  }),
  identity: (x) => [x.schema, x.name],
  table: view,
  display: show,
  partOf: (x) => [objectKey('view', [x.schema, x.view])],
  // After its view by phase; not a dependent the view's drop would refuse (a view's indexes go with it, and are built again).
  dependsOn: () => [],
  differs: (d, l) => [
    ...(d.view !== l.view || shape(d.definition) !== shape(l.definition) ? ['definition'] : []),
    ...(l.valid ? [] : ['valid']),
  ],
  create: (x) => build(x, x.name, `create ${show(x)} concurrently`),
  repair: (d, l, aspects) => {
    if (d.view !== l.view) {
      // The name is held by an index on another view: the declared one cannot be built under it.
      return [];
    }
    const temp = tempName(d);
    const why = aspects.includes('definition') ? 'its definition differs' : 'it is invalid (a failed concurrent build)';
    const hazards = [
      {
        kind: 'replace-index' as const,
        message: `${show(d)} is rebuilt (${why}): the new one is built concurrently, then the old one is dropped under a brief ACCESS EXCLUSIVE lock on the view`,
      },
    ];
    const steps: ObjectStatement[] = [
      ...build(d, temp, `build the replacement of ${show(d)} concurrently as ${temp} (${why})`),
      {
        ...base(d),
        description: `swap ${temp} in for ${show(d)}`,
        sql: atomically([`DROP INDEX ${indexName(l)}`, `ALTER INDEX ${indexName(d, temp)} RENAME TO ${ident(d.name)}`]),
        guard: needed(exists(d, temp, true)),
        lockLevel: 'ACCESS EXCLUSIVE',
      },
    ];
    return steps.map((s) => ({ ...s, hazards }));
  },
  text: (x) => `${x.definition};${x.valid ? '' : '\n-- invalid'}`,
  drop: (x) => `DROP INDEX ${indexName(x)}`,
  present,
};
