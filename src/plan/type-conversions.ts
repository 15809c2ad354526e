/**
 * What PostgreSQL does for one column type change, from what it really does
 * (measured on 14 and 18 by test/plan/type-rewrites.test.ts, which checks
 * pg_class.relfilenode for every claim here):
 *
 * - metadata: the catalog changes, the table is not rewritten and no value is
 *   read. varchar(n) widening or to varchar/text, text to varchar, numeric
 *   precision increase with the same scale or to numeric, varbit and
 *   timestamp/time precision increase, domains without constraints over those,
 *   collation-only changes.
 * - metadata-utc: timestamp <-> timestamptz with no USING while the session's
 *   TimeZone is UTC (PostgreSQL 12+): no rewrite. Only right when the values
 *   were written in UTC (`--assume-timezone UTC`).
 * - rewrite: everything else (the table is rewritten and every value converted).
 *
 * A change of collation, and timestamp <-> timestamptz (another operator class),
 * still rebuild the column's indexes, even without a rewrite.
 */
import type { DomainFact } from './type-facts.js';

interface ParsedType {
  /** Canonical name of a built-in we know, or the text itself. */
  readonly base: string;
  /** Type modifiers, e.g. [10, 2] for numeric(10,2); null when none. */
  readonly mods: readonly number[] | null;
}

const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^character varying(?:\((\d+)\))?$/, 'varchar'],
  [/^character(?:\((\d+)\))?$/, 'bpchar'],
  [/^text$/, 'text'],
  [/^numeric(?:\((\d+),(\d+)\))?$/, 'numeric'],
  [/^bit varying(?:\((\d+)\))?$/, 'varbit'],
  [/^timestamp(?:\((\d+)\))? without time zone$/, 'timestamp'],
  [/^timestamp(?:\((\d+)\))? with time zone$/, 'timestamptz'],
  [/^time(?:\((\d+)\))? without time zone$/, 'time'],
  [/^time(?:\((\d+)\))? with time zone$/, 'timetz'],
  [/^smallint$/, 'int2'],
  [/^integer$/, 'int4'],
  [/^bigint$/, 'int8'],
];

export function parseType(text: string): ParsedType {
  for (const [re, base] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const mods = m.slice(1).filter((x): x is string => x !== undefined).map(Number);
    return { base, mods: mods.length > 0 ? mods : null };
  }
  return { base: text, mods: null };
}

const STRINGS = new Set(['text', 'varchar', 'bpchar']);
const TEMPORAL_MAX = 6;

/** Same type, another modifier: true when PostgreSQL's length-coercion support function drops the call. */
function typmodWidens(base: string, from: readonly number[] | null, to: readonly number[] | null): boolean {
  if (to === null) return base === 'varchar' || base === 'numeric' || base === 'varbit' || isTemporal(base);
  switch (base) {
    case 'varchar':
    case 'varbit':
      return from !== null && to[0]! >= from[0]!;
    case 'numeric':
      return from !== null && to[1] === from[1] && to[0]! >= from[0]!;
    default:
      return isTemporal(base) && (to[0]! >= TEMPORAL_MAX || (from !== null && to[0]! >= from[0]!));
  }
}

function isTemporal(base: string): boolean {
  return base === 'timestamp' || base === 'timestamptz' || base === 'time' || base === 'timetz';
}

export type Conversion =
  | { readonly kind: 'metadata'; readonly rebuildsIndexes: boolean }
  | { readonly kind: 'metadata-utc'; readonly rebuildsIndexes: true }
  | { readonly kind: 'rewrite' };

export interface ConversionInput {
  readonly from: string;
  readonly to: string;
  readonly collationChanges: boolean;
  /** The user gave a USING expression: planned as a rewrite (PostgreSQL may still skip it for a trivial one; the claim stays on the safe side). */
  readonly using: boolean;
  /** The zone timestamp values were written in has offset 0 (UTC). */
  readonly utc: boolean;
  readonly domains: ReadonlyMap<string, DomainFact>;
}

/** The base type a column of type `text` converts from: a domain's base, without its modifier (the column's typmod is -1). */
function sourceType(text: string, domains: ReadonlyMap<string, DomainFact>): ParsedType {
  const d = domains.get(text);
  if (!d) return parseType(text);
  return { base: parseType(d.base).base, mods: null };
}

/** The type a column converts to: a domain without constraints converts as its base type. */
function targetType(text: string, domains: ReadonlyMap<string, DomainFact>): ParsedType | null {
  const d = domains.get(text);
  if (!d) return parseType(text);
  return d.constrained ? null : parseType(d.base);
}

export function classifyConversion(c: ConversionInput): Conversion {
  const rewrite = { kind: 'rewrite' } as const;
  if (c.from === c.to) return { kind: 'metadata', rebuildsIndexes: c.collationChanges };
  if (c.using) return rewrite;
  const from = sourceType(c.from, c.domains);
  const to = targetType(c.to, c.domains);
  if (!to) return rewrite;
  const metadata = { kind: 'metadata', rebuildsIndexes: c.collationChanges } as const;
  if (from.base === to.base && to.base !== 'bpchar' && typmodWidens(to.base, from.mods, to.mods)) return metadata;
  // Binary-coercible without a length check: varchar(n) -> text or varchar, text -> varchar.
  if ((from.base === 'varchar' || from.base === 'text') && (to.base === 'text' || (to.base === 'varchar' && to.mods === null))) return metadata;
  const tz = (from.base === 'timestamp' && to.base === 'timestamptz') || (from.base === 'timestamptz' && to.base === 'timestamp');
  if (tz && c.utc && (to.mods === null || to.mods[0]! >= TEMPORAL_MAX || (from.mods !== null && to.mods[0]! >= from.mods[0]!))) {
    return { kind: 'metadata-utc', rebuildsIndexes: true };
  }
  return rewrite;
}

/** PostgreSQL's assignment cast covers it (string targets: any value via its output function). */
export function assignsToString(to: string, domains: ReadonlyMap<string, DomainFact>): boolean {
  const d = domains.get(to);
  return STRINGS.has(parseType(d ? d.base : to).base);
}

/** The conversion cannot fail for any value: nothing to probe. */
export function cannotFail(from: string, to: string, domains: ReadonlyMap<string, DomainFact>): boolean {
  if (domains.has(to)) return false;
  const t = parseType(to);
  if (t.base === 'text' || (t.base === 'varchar' && t.mods === null)) return true;
  const f = parseType(from).base;
  return (f === 'int2' && (t.base === 'int4' || t.base === 'int8')) || (f === 'int4' && t.base === 'int8');
}

/** The source is a string type: the conversion is its target's input function, which pg_input_is_valid runs too (16+). */
export function convertsByInput(from: string, domains: ReadonlyMap<string, DomainFact>): boolean {
  return STRINGS.has(sourceType(from, domains).base);
}

const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'universal', 'etc/universal', 'zulu', 'etc/zulu', 'uct', 'etc/uct', 'z']);

export function isUtc(zone: string): boolean {
  return UTC_NAMES.has(zone.trim().toLowerCase());
}
