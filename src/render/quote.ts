/**
 * The one quoting module. Every identifier and literal that reaches SQL text goes
 * through here; catalog queries bind values as parameters instead.
 */
import type { QualifiedName } from '../model/types.js';

/** Quote an identifier, always (so reserved words, case and unicode survive). */
export function ident(name: string): string {
  if (name.length === 0) throw new Error('empty identifier');
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL byte');
  return `"${name.replaceAll('"', '""')}"`;
}

/** `"schema"."name"` */
export function qualified(q: QualifiedName): string {
  return `${ident(q.schema)}.${ident(q.name)}`;
}

/**
 * A string literal. Standard-conforming strings are on by default since
 * PostgreSQL 9.1; backslashes force the escape-string form so the text is
 * correct under either setting.
 */
export function literal(value: string): string {
  if (value.includes('\u0000')) throw new Error('string literal contains a NUL byte');
  const doubled = value.replaceAll("'", "''");
  if (value.includes('\\')) return `E'${doubled.replaceAll('\\', '\\\\')}'`;
  return `'${doubled}'`;
}

/**
 * Storage parameters as `pg_class.reloptions` holds them (`name=value`), for
 * `WITH (...)` and `ALTER INDEX ... SET (...)`: `fillfactor = 70`. A name that is a
 * plain lower-case word is written bare (the grammar takes any keyword there), others
 * quoted; a value that is a plain number bare, others as a literal (`'off'`: always valid).
 */
/** A storage parameter's name as SQL: bare when simple, quoted otherwise; `toast.` kept as the namespace it is. */
const parameterSql = (name: string): string =>
  name
    .split(/(?<=^toast)\./)
    .map((part) => (/^[a-z_][a-z0-9_]*$/.test(part) ? part : ident(part)))
    .join('.');

/** The name of a storage parameter `name=value` (or a bare `name`). */
export const storageParameterName = (o: string): string => (o.includes('=') ? o.slice(0, o.indexOf('=')) : o);

export function storageParameters(options: readonly string[]): string {
  return options
    .map((o) => {
      const at = o.indexOf('=');
      const name = at < 0 ? o : o.slice(0, at);
      const value = at < 0 ? null : o.slice(at + 1);
      const n = parameterSql(name);
      if (value === null) return n;
      return `${n} = ${/^-?[0-9]+(\.[0-9]+)?$/.test(value) ? value : literal(value)}`;
    })
    .join(', ');
}

/** The names of storage parameters, for `ALTER INDEX ... RESET (...)`. */
export function storageParameterNames(options: readonly string[]): string {
  return options.map((o) => parameterSql(storageParameterName(o))).join(', ');
}

/**
 * The `SET (…)` and `RESET (…)` clauses that turn storage parameters `live` into `declared`
 * (`name=value` each), and the names of the parameters they touch (for the lock they take).
 */
export function storageParameterChange(declared: readonly string[], live: readonly string[]): { clauses: string[]; touched: string[] } {
  const has = new Set(live);
  const set = declared.filter((o) => !has.has(o));
  const names = new Set(declared.map(storageParameterName));
  const reset = live.filter((o) => !names.has(storageParameterName(o)));
  return {
    clauses: [...(set.length > 0 ? [`SET (${storageParameters(set)})`] : []), ...(reset.length > 0 ? [`RESET (${storageParameterNames(reset)})`] : [])],
    touched: [...set, ...reset].map(storageParameterName),
  };
}

/** A comma-separated list of quoted identifiers. */
export function identList(names: readonly string[]): string {
  return names.map(ident).join(', ');
}
