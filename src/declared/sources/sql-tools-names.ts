/**
 * File names of the SQL-file migration tools, parsed as each tool parses them
 * (sources cited in ledger/README.md, "SQL-file tools: what was followed"):
 *
 * - Flyway: `V<version>__<description>.sql` (versioned), `R__<description>.sql`
 *   (repeatable); `U…` undo scripts are not migrations. The version's `_` are
 *   dots, its parts compare as numbers with trailing zeros ignored; the
 *   description's `_` are spaces (flyway-core `MigrationVersion`, `ResourceNameParser`).
 * - golang-migrate: `<version>_<title>.up.sql` / `.down.sql`, version an unsigned
 *   integer (source/parse.go, `^([0-9]+)_(.*)\.(down|up)\.(.*)$`).
 * - dbmate: `<version>….sql`, version the leading digits, kept as text (pkg/dbmate/db.go).
 * - goose: `<version>_<name>.sql`, version the int64 before the first `_`, at least 1
 *   (migration.go, `NumericComponent`).
 */
export type SqlToolKind = 'flyway-folder' | 'golang-migrate-folder' | 'dbmate-folder' | 'goose-folder';

export type FlywayName =
  | { readonly type: 'versioned'; readonly version: string; readonly parts: readonly bigint[]; readonly description: string }
  | { readonly type: 'repeatable'; readonly description: string };

const FLYWAY_VERSIONED = /^V([0-9][0-9._]*?)__(.*)\.sql$/;
const FLYWAY_REPEATABLE = /^R__(.*)\.sql$/;
/** Flyway's other script prefixes (undo, baseline migrations): scripts, but not versioned or repeatable migrations. */
export const FLYWAY_OTHER = /^[UB][0-9][0-9._]*__.*\.sql$/;

export function parseFlywayName(file: string): FlywayName | null {
  const v = FLYWAY_VERSIONED.exec(file);
  if (v) {
    const version = (v[1] ?? '').replace(/_/g, '.');
    if (!/^[0-9]+(\.[0-9]+)*$/.test(version)) return null;
    return { type: 'versioned', version, parts: flywayParts(version), description: (v[2] ?? '').replace(/_/g, ' ') };
  }
  const r = FLYWAY_REPEATABLE.exec(file);
  return r ? { type: 'repeatable', description: (r[1] ?? '').replace(/_/g, ' ') } : null;
}

/** A version's numeric parts, trailing zeros dropped (`1.0` equals `1`, as Flyway's compareTo decides). */
export function flywayParts(version: string): bigint[] {
  const parts = version.split('.').map((p) => BigInt(p));
  while (parts.length > 1 && parts[parts.length - 1] === 0n) parts.pop();
  return parts;
}

export function compareParts(a: readonly bigint[], b: readonly bigint[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export const sameFlywayVersion = (a: string, b: string): boolean =>
  /^[0-9]+(\.[0-9]+)*$/.test(a) && /^[0-9]+(\.[0-9]+)*$/.test(b) && compareParts(flywayParts(a), flywayParts(b)) === 0;

const GOLANG_MIGRATE = /^([0-9]+)_(.*)\.(down|up)\.sql$/;

export function parseGolangMigrateName(file: string): { version: bigint; title: string; direction: 'up' | 'down' } | null {
  const m = GOLANG_MIGRATE.exec(file);
  if (!m) return null;
  const version = BigInt(m[1] ?? '0');
  return version > 18446744073709551615n ? null : { version, title: m[2] ?? '', direction: m[3] === 'up' ? 'up' : 'down' };
}

const DBMATE = /^([0-9]+).*\.sql$/;

export function parseDbmateName(file: string): { version: string } | null {
  if (/\.(up|down)\.sql$/.test(file)) return null;
  const m = DBMATE.exec(file);
  return m ? { version: m[1] ?? '' } : null;
}

const GOOSE = /^([0-9]+)_.*\.sql$/;

export function parseGooseName(file: string): { version: bigint } | null {
  if (/\.(up|down)\.sql$/.test(file)) return null;
  const m = GOOSE.exec(file);
  if (!m) return null;
  const version = BigInt(m[1] ?? '0');
  return version < 1n || version > 9223372036854775807n ? null : { version };
}

/** The migration's version for its ledger, from its key (the file name without `.sql` / `.up.sql`): dbmate keeps the digits as text, the others as a number. */
export function versionOfKey(kind: Exclude<SqlToolKind, 'flyway-folder'>, key: string): string {
  const digits = /^[0-9]+/.exec(key)?.[0] ?? '';
  return kind === 'dbmate-folder' ? digits : BigInt(digits === '' ? '0' : digits).toString();
}
