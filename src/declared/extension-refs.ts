/**
 * Extensions a source uses without creating them: drizzle-kit never writes
 * CREATE EXTENSION, so a schema with `default(sql\`uuid_generate_v4()\`)`, a citext
 * column or a gin_trgm_ops index replays only if the shadow has the extension
 * first. Functions and operator classes are found in the statements' skeletons
 * (comments, literals and quoted names blanked, upper-cased), so a column named
 * "digest" or a string 'crypt(' does not count; types where a type stands (after a
 * column name, `::`, TYPE), quoted or not: drizzle-kit quotes a customType's name.
 *
 * Whether such an extension belongs to the declared model: it does. The source
 * needs it (its defaults, types and indexes cannot exist without it), and
 * src/diff reports only missing extensions, never extra ones: a live database
 * that has it shows nothing; one that lacks it gets `CREATE EXTENSION IF NOT
 * EXISTS` in the plan, before the tables that need it, instead of a plan whose
 * CREATE TABLE fails on "function uuid_generate_v4() does not exist".
 */
import type { ExtensionUse } from './shadow.js';
import type { Script } from './types.js';

interface KnownExtension {
  readonly name: string;
  /** Functions and operator classes, on the skeleton (upper-case). */
  readonly pattern?: RegExp;
  /** Types the extension defines, looked for in the statement text. */
  readonly types?: readonly string[];
  /** For messages: what the source uses. */
  readonly what: string;
}

/** gen_random_uuid() is core since PostgreSQL 13: not here. */
export const KNOWN_EXTENSIONS: readonly KnownExtension[] = [
  { name: 'uuid-ossp', pattern: /\bUUID_(?:GENERATE_V(?:1MC|1|3|4|5)|NIL|NS_(?:DNS|URL|OID|X500))\s*\(/, what: 'uuid_generate_v*()' },
  { name: 'pgcrypto', pattern: /\b(?:GEN_RANDOM_BYTES|GEN_SALT|CRYPT|DIGEST|HMAC|PGP_SYM_ENCRYPT|PGP_SYM_DECRYPT|PGP_PUB_ENCRYPT|PGP_PUB_DECRYPT|ARMOR|DEARMOR)\s*\(/, what: 'a pgcrypto function' },
  { name: 'citext', types: ['citext'], what: 'the citext type' },
  { name: 'pg_trgm', pattern: /\b(?:GIN_TRGM_OPS|GIST_TRGM_OPS)\b|\b(?:WORD_|STRICT_WORD_)?SIMILARITY\s*\(/, what: 'a pg_trgm operator class or function' },
  { name: 'hstore', types: ['hstore'], what: 'the hstore type' },
  { name: 'postgis', types: ['geometry', 'geography'], pattern: /\bST_[A-Z0-9_]+\s*\(/, what: 'a PostGIS type or function' },
];

const CREATED = /^CREATE EXTENSION (?:IF NOT EXISTS )?/;

/** `name` where a type stands: after a column name (or TYPE), or a `::` cast; quoted or not, maybe schema-qualified. */
function typePattern(types: readonly string[]): RegExp {
  const alt = types.join('|');
  return new RegExp(`(?:(?:"(?:[^"]|"")+"|[A-Za-z_][\\w$]*)\\s+|::\\s*)(?:"?public"?\\.)?"?(?:${alt})"?(?=\\s*(?:\\[|\\(|,|\\)|;|\\s|$))`, 'i');
}

function uses(ext: KnownExtension, skeleton: string, sql: string, types: RegExp | null): boolean {
  return (ext.pattern?.test(skeleton) ?? false) || (types?.test(sql) ?? false);
}

/**
 * The known extensions the scripts use but never create (`created`: what they do
 * create, from `extensionUses`), each at its first use.
 */
export function referencedExtensions(scripts: readonly Script[], created: readonly ExtensionUse[]): ExtensionUse[] {
  const have = new Set(created.map((u) => u.name.toLowerCase()));
  const out: ExtensionUse[] = [];
  for (const ext of KNOWN_EXTENSIONS) {
    if (have.has(ext.name)) continue;
    const types = ext.types ? typePattern(ext.types) : null;
    found: for (const script of scripts) {
      for (const st of script.statements) {
        if (CREATED.test(st.skeleton) || !uses(ext, st.skeleton, st.sql, types)) continue;
        out.push({ name: ext.name, file: script.file, line: script.generated ? 0 : st.line, origin: 'referenced', what: ext.what });
        break found;
      }
    }
  }
  return out;
}

const EXTENSION_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `--extension NAME`: a name PostgreSQL could have (checked before anything runs). */
export function isExtensionName(name: string): boolean {
  return EXTENSION_NAME.test(name) && name.length <= 63;
}

/** Extensions named with `--extension`, not already created or found by the source. */
export function namedExtensions(names: readonly string[], known: readonly ExtensionUse[]): ExtensionUse[] {
  const have = new Set(known.map((u) => u.name.toLowerCase()));
  const out: ExtensionUse[] = [];
  for (const raw of names) {
    const name = raw.toLowerCase();
    if (have.has(name)) continue;
    have.add(name);
    out.push({ name, file: '--extension', line: 0, origin: 'option' });
  }
  return out;
}
