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

/** A comma-separated list of quoted identifiers. */
export function identList(names: readonly string[]): string {
  return names.map(ident).join(', ');
}
