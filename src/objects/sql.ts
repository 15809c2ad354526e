/**
 * SQL helpers shared by the object kinds: keys built the same way in SQL and in
 * TypeScript, text arrays, and several DDL statements run as one atomic step.
 */
import { dollarQuote } from '../plan/sql.js';
import { literal } from '../render/quote.js';

/** The registry key of an object: its kind and its identity parts. */
export function objectKey(kind: string, parts: readonly string[]): string {
  return `${kind}:${JSON.stringify(parts)}`;
}

/**
 * The same key computed by PostgreSQL (`array_to_json` prints a text array as
 * `JSON.stringify` does: no spaces, the same escapes).
 */
export function keySql(kind: string, parts: readonly string[]): string {
  return `(${literal(`${kind}:`)} || array_to_json(ARRAY[${parts.map((p) => `(${p})::text`).join(', ')}]::text[])::text)`;
}

/**
 * Objects that belong to an extension are not part of the user's schema. Every
 * membership row (`deptype 'e'`) references `pg_extension`, so the condition on
 * `refclassid` lets PostgreSQL read the few such rows through
 * `pg_depend_reference_index` instead of every dependency of the catalog (at
 * 10,000 tables ~100,000 rows of `pg_class` dependencies: ~20 ms per query).
 */
export const notExtensionMember = (catalog: string, alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_depend xd WHERE xd.refclassid = 'pg_extension'::regclass AND xd.classid = '${catalog}'::regclass AND xd.objid = ${alias}.oid AND xd.deptype = 'e')`;

/** The extension members as a table `ext(classid, objid)`, for a query that tests many catalogs. */
export const EXTENSION_MEMBERS_CTE = `ext AS MATERIALIZED (SELECT classid, objid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e')`;

/**
 * The registry keys of the function, view, domain or composite type a grant or comment may be attached
 * to (`on` as those kinds name their targets): dropping and creating it takes them along.
 */
export function attachedTo(on: string, schema: string, name: string, sub: string): readonly string[] {
  if (on === 'function' || on === 'procedure') return [objectKey('function', [schema, name, sub])];
  if (on === 'table' || on === 'column' || on === 'view' || on === 'materialized view') return [objectKey('view', [schema, name])];
  if (on === 'type') return [objectKey('domain', [schema, name]), objectKey('composite-type', [schema, name])];
  return [];
}

/** The plural of a kind's noun, for counts: `policies`, `indexes`, `row-level security settings`. */
export function pluralOf(noun: string): string {
  if (noun.endsWith('security')) return `${noun} settings`;
  if (/(x|s)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** A catalog object's name as SQL text: quoted, schema-qualified outside pg_catalog (guards run under `search_path = pg_catalog`). */
export const qualifiedNameSql = (nsp: string, name: string): string =>
  `CASE WHEN ${nsp} = 'pg_catalog' THEN quote_ident(${name}) ELSE quote_ident(${nsp}) || '.' || quote_ident(${name}) END`;

/**
 * The name of a collation (quoted; schema-qualified outside pg_catalog) when it is not
 * the default of `type` (a column's or attribute's type, a domain's base type), else NULL.
 */
export const collationOtherThanDefault = (collation: string, type: string): string =>
  `CASE WHEN ${collation} <> 0 AND ${collation} IS DISTINCT FROM (SELECT b.typcollation FROM pg_type b WHERE b.oid = ${type}) ` +
  `THEN (SELECT ${qualifiedNameSql('cn.nspname', 'co.collname')} ` +
  `FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = ${collation}) END`;

export const textArray = (values: readonly string[]): string => `ARRAY[${values.map(literal).join(', ')}]::text[]`;

export const needed = (condition: string): string => `SELECT (${condition}) AS needed`;

/**
 * Several statements as one: a `DO` block, so a psql script and `apply` both run
 * them atomically. `uncheckedBodies`: function bodies are not validated while
 * they are created (they were in the declared source, under its `search_path`;
 * a body resolves names when it runs, not when it is created).
 */
export function atomically(statements: readonly string[], options: { uncheckedBodies?: boolean } = {}): string {
  const off = options.uncheckedBodies ? `PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); ` : '';
  return `DO ${dollarQuote(` BEGIN ${off}${statements.map((s) => `EXECUTE ${literal(s)};`).join(' ')} END `)}`;
}

export const asString = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
export const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.map(asString) : []);
export const asNullable = (v: unknown): string | null => (v === null || v === undefined ? null : asString(v));

/** A bare name for reading (not for SQL): quoted as JSON only when it needs it, as displayName does. */
export const showName = (name: string): string => (/^[a-z_][a-z0-9_$]*$/.test(name) ? name : JSON.stringify(name));

/** `app.users` for reading, quoted only where needed (the same rule as render/model-text.ts displayName). */
export const displayName = (schema: string, name: string): string => `${showName(schema)}.${showName(name)}`;

/** The enabled state of a trigger or rule (`tgenabled`, `ev_enabled`): origin and local, disabled, replica only, always. */
export type EnabledState = 'O' | 'D' | 'R' | 'A';
export const asEnabledState = (v: unknown): EnabledState => (['O', 'D', 'R', 'A'] as const).find((e) => e === v) ?? 'O';
export const ENABLED_LABEL: Record<EnabledState, string> = { O: 'enabled', D: 'disabled', R: 'enabled for replicas only', A: 'always enabled' };
/** The words that set a state: `ENABLE`, `DISABLE`, `ENABLE REPLICA`, `ENABLE ALWAYS`. */
export const ENABLE_WORDS: Record<EnabledState, string> = { O: 'ENABLE', D: 'DISABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' };
/** `ALTER TABLE t ENABLE|DISABLE [REPLICA|ALWAYS] TRIGGER|RULE name`. */
export const setEnabledSql = (table: string, what: 'TRIGGER' | 'RULE', name: string, state: EnabledState): string =>
  `ALTER TABLE ${table} ${ENABLE_WORDS[state]} ${what} ${name}`;
