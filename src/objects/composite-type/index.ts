/**
 * Composite types: their attributes in order (name, type, collation). A missing
 * one is created in the `types` phase, before the tables and functions that use
 * it. Attributes missing at the end are added with `ALTER TYPE … ADD ATTRIBUTE`
 * (no table is touched; PostgreSQL refuses it while a column stores the type).
 * Any other difference (an attribute's type, order, or one to remove) needs the
 * type dropped and created again, under the `replace` hazard: it fails, changing
 * nothing, while anything uses the type.
 */
import { ident, literal, qualified } from '../../render/quote.js';
import { asString, atomically, collationOtherThanDefault, displayName, keySql, needed, notExtensionMember } from '../sql.js';
import type { ObjectKindDef, ObjectStatement } from '../types.js';
import type { CompositeAttribute, CompositeTypeObject } from './model.js';

export type { CompositeAttribute, CompositeTypeObject } from './model.js';

/**
 * The attributes as text, in order: `name type [COLLATE c]` (`quote_ident` quoting
 * only where needed). Catalog names are unqualified: guards run under `search_path = pg_catalog`.
 */
const attributesSql = (relid: string): string =>
  `ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' COLLATE ' || (${collationOtherThanDefault('a.attcollation', 'a.atttypid')}), '') ` +
  `FROM pg_attribute a WHERE a.attrelid = ${relid} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)`;

const SQL = `
SELECT n.nspname AS schema, t.typname AS name,
       coalesce((SELECT json_agg(json_build_object('name', a.attname::text, 'type', format_type(a.atttypid, a.atttypmod), 'collation', ${collationOtherThanDefault('a.attcollation', 'a.atttypid')}) ORDER BY a.attnum)
                 FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '[]'::json) AS attributes,
       ARRAY(SELECT DISTINCT CASE WHEN rt.typtype = 'd' THEN ${keySql('domain', ['rn.nspname', 'rt.typname'])} ELSE ${keySql('composite-type', ['rn.nspname', 'rt.typname'])} END
             FROM pg_attribute a JOIN pg_type at0 ON at0.oid = a.atttypid
             JOIN pg_type rt ON rt.oid = CASE WHEN at0.typelem <> 0 AND at0.typlen = -1 THEN at0.typelem ELSE at0.oid END
             JOIN pg_namespace rn ON rn.oid = rt.typnamespace
             LEFT JOIN pg_class rc ON rc.oid = rt.typrelid
             WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
               AND (rt.typtype = 'd' OR (rt.typtype = 'c' AND rc.relkind = 'c')) AND rn.nspname <> 'pg_catalog'
             ORDER BY 1) AS depends_on
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_class c ON c.oid = t.typrelid
WHERE t.typtype = 'c'
  AND c.relkind = 'c'
  AND n.nspname = ANY($1)
  AND ${notExtensionMember('pg_type', 't')}`;

const qname = (t: CompositeTypeObject): string => qualified({ schema: t.schema, name: t.name });
const show = (t: CompositeTypeObject): string => `composite type ${displayName(t.schema, t.name)}`;
const attributeSql = (a: CompositeAttribute): string => `${ident(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`;
/** As `attributesSql` prints it (`quote_ident` quotes only where needed). */
const attributeText = (a: CompositeAttribute): string =>
  `${/^[a-z_][a-z0-9_$]*$/.test(a.name) ? a.name : ident(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`;
const sameAttribute = (x: CompositeAttribute, y: CompositeAttribute | undefined): boolean =>
  y !== undefined && x.name === y.name && x.type === y.type && x.collation === y.collation;

const present = (t: CompositeTypeObject): string =>
  `EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' ` +
  `WHERE t.typname = ${literal(t.name)} AND t.typnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ${literal(t.schema)}) ` +
  `AND ${attributesSql('t.typrelid')} = ARRAY[${t.attributes.map((a) => literal(attributeText(a))).join(', ')}]::text[])`;

const createSql = (t: CompositeTypeObject): string => `CREATE TYPE ${qname(t)} AS (${t.attributes.map(attributeSql).join(', ')})`;

function statement(t: CompositeTypeObject, description: string, sql: string, extra: Partial<ObjectStatement> = {}): ObjectStatement {
  return { phase: 'types', description, sql, guard: needed(`NOT ${present(t)}`), ...extra };
}

/** The live attributes are the declared ones' beginning: the rest can be added. */
const extendable = (d: CompositeTypeObject, l: CompositeTypeObject): boolean =>
  l.attributes.length < d.attributes.length && l.attributes.every((a, i) => sameAttribute(a, d.attributes[i]));

export const compositeTypeKind: ObjectKindDef<CompositeTypeObject> = {
  kind: 'composite-type',
  noun: 'composite type',
  securityRelevant: false,
  sql: () => SQL,
  fromRow: (r) => {
    const raw = Array.isArray(r['attributes']) ? (r['attributes'] as Record<string, unknown>[]) : [];
    return {
      kind: 'composite-type',
      schema: asString(r['schema']),
      name: asString(r['name']),
      attributes: raw.map((a) => ({ name: asString(a['name']), type: asString(a['type']), collation: a['collation'] == null ? null : asString(a['collation']) })),
      dependsOn: Array.isArray(r['depends_on']) ? r['depends_on'].map(asString) : [],
    };
  },
  identity: (t) => [t.schema, t.name],
  table: () => null,
  display: show,
  dependsOn: (t) => t.dependsOn,
  differs: (d, l) => (d.attributes.length === l.attributes.length && d.attributes.every((a, i) => sameAttribute(a, l.attributes[i])) ? [] : ['attributes']),
  create: (t) => [statement(t, `create ${show(t)}`, createSql(t))],
  repair: (d, l) => {
    if (extendable(d, l)) {
      const added = d.attributes.slice(l.attributes.length);
      return [
        statement(d, `add ${added.map((a) => a.name).join(', ')} to ${show(d)}`, `ALTER TYPE ${qname(d)} ${added.map((a) => `ADD ATTRIBUTE ${attributeSql(a)}`).join(', ')}`),
      ];
    }
    return [
      statement(d, `drop and create ${show(d)} (its attributes differ)`, atomically([`DROP TYPE ${qname(l)}`, createSql(d)]), {
        hazards: [
          {
            kind: 'replace',
            message: `${show(d)} is dropped and created again (an attribute changes type or place, or is removed); it fails, changing nothing, while a column or function uses it`,
          },
        ],
        recreates: true,
      }),
    ];
  },
  text: (t) => `${createSql(t)};`,
  drop: (t) => `DROP TYPE ${qname(t)}`,
  present,
};
