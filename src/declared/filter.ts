/**
 * Which statements of a declared source run in the shadow. The shadow is a
 * private, empty database: statements about roles, privileges, ownership and
 * the cluster, data statements, and maintenance do not change the model (or
 * would need roles the shadow does not have, or would write outside it), so
 * they are skipped and counted; a few are rewritten to their in-transaction form.
 */
import type { SqlStatement } from './split.js';

export type SkipReason = 'transaction' | 'privileges' | 'cluster' | 'data' | 'maintenance';

export type Verdict =
  | { readonly action: 'run'; readonly sql: string }
  | { readonly action: 'skip'; readonly reason: SkipReason }
  /** GRANT / REVOKE on an object, or ALTER DEFAULT PRIVILEGES: runs where roles may be created (a private shadow), else skipped. */
  | { readonly action: 'grant'; readonly sql: string }
  /** `SET name …`: runs only if the shadow knows the parameter. */
  | { readonly action: 'set'; readonly sql: string; readonly parameter: string };

const RULES: readonly (readonly [RegExp, SkipReason])[] = [
  // Transactions are the replay's business (autocommit, or one per migration when retrying).
  [/^(BEGIN|START TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\b/, 'transaction'],
  // Privileges on objects are 'grant' verdicts (see classify); what is left is role membership.
  [/^(GRANT|REVOKE)\b/, 'cluster'],
  [/^ALTER\b.*\bOWNER TO\b/, 'privileges'],
  [/^(REASSIGN|DROP) OWNED\b/, 'privileges'],
  [/^(SET|RESET) (SESSION AUTHORIZATION|ROLE)\b/, 'privileges'],
  [/^SECURITY LABEL\b/, 'privileges'],
  // Roles, databases, tablespaces and subscriptions live outside the shadow database.
  [/^(CREATE|ALTER|DROP) (ROLE|GROUP)\b/, 'cluster'],
  [/^(CREATE|ALTER|DROP) USER\b(?! MAPPING)/, 'cluster'],
  [/^(CREATE|ALTER|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)\b/, 'cluster'],
  [/^ALTER SYSTEM\b/, 'cluster'],
  // The shadow holds no rows.
  [/^(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY)\b/, 'data'],
  [/^(VACUUM|ANALYZE|ANALYSE|CLUSTER|CHECKPOINT|LOCK|DISCARD|LISTEN|UNLISTEN|NOTIFY|REINDEX|REFRESH MATERIALIZED VIEW)\b/, 'maintenance'],
];

/** Statements that cannot run in a transaction block, made plain (the same effect on an empty shadow). */
function withoutConcurrently(sql: string, skeleton: string): string {
  if (/^CREATE (UNIQUE )?INDEX CONCURRENTLY\b/.test(skeleton) || /^DROP INDEX CONCURRENTLY\b/.test(skeleton)) {
    return sql.replace(/^(\s*(?:CREATE\s+(?:UNIQUE\s+)?|DROP\s+)INDEX\s+)CONCURRENTLY\s+/i, '$1');
  }
  if (/^ALTER TABLE\b.*\bDETACH PARTITION\b.*\bCONCURRENTLY$/.test(skeleton)) {
    return sql.replace(/\s+CONCURRENTLY\s*$/i, '');
  }
  return sql;
}

/**
 * Privileges on what the model holds (relations, sequences, functions, schemas, types,
 * default privileges). Not role membership (`GRANT role TO user`) nor privileges on
 * databases, tablespaces, languages, servers or large objects, which live outside it.
 */
const OBJECT_PRIVILEGE = /^(?:GRANT|REVOKE)\b.*?\bON (?!(?:DATABASE|TABLESPACE|LANGUAGE|FOREIGN DATA WRAPPER|FOREIGN SERVER|LARGE OBJECT|PARAMETER)\b)/;

export function classify(statement: SqlStatement): Verdict {
  const sk = statement.skeleton;
  if (OBJECT_PRIVILEGE.test(sk) || /^ALTER DEFAULT PRIVILEGES\b/.test(sk)) return { action: 'grant', sql: statement.sql };
  for (const [pattern, reason] of RULES) {
    if (pattern.test(sk)) return { action: 'skip', reason };
  }
  const set = /^SET (?:SESSION |LOCAL )?([A-Z_][A-Z0-9_.]*)\b/.exec(sk);
  if (set && !/^SET (TRANSACTION|CONSTRAINTS|SESSION CHARACTERISTICS)\b/.test(sk)) {
    return { action: 'set', sql: statement.sql, parameter: (set[1] ?? '').toLowerCase() };
  }
  return { action: 'run', sql: withoutConcurrently(statement.sql, sk) };
}

/** True when a migration holds no statement that changes the schema (only comments, or only data). */
export function isDataOnly(statements: readonly SqlStatement[]): boolean {
  return statements.every((s) => {
    const v = classify(s);
    return v.action === 'skip' && (v.reason === 'transaction' || v.reason === 'data' || v.reason === 'maintenance');
  });
}

const REASON_TEXT: Record<SkipReason, string> = {
  transaction: 'transaction control (the replay manages transactions)',
  privileges: 'ownership and roles (OWNER TO, SET ROLE; GRANT and REVOKE where the shadow cannot create roles)',
  cluster: 'roles, databases, tablespaces or subscriptions (outside the shadow database)',
  data: 'data (INSERT, UPDATE, DELETE, COPY: the shadow holds no rows)',
  maintenance: 'maintenance (VACUUM, ANALYZE, LOCK, REINDEX …)',
};

/** One notice line per kind of skipped statement (transaction control is not worth a notice). */
export function skipNotices(counts: ReadonlyMap<SkipReason, number>): string[] {
  const out: string[] = [];
  for (const [reason, n] of counts) {
    if (reason === 'transaction' || n === 0) continue;
    out.push(`skipped ${n} statement${n === 1 ? '' : 's'} about ${REASON_TEXT[reason]}`);
  }
  return out;
}
