/**
 * Runs one script (a migration, or a whole file) in the shadow, in one
 * transaction, statement by statement, so that a failure names its line.
 */
import { ReconcileError } from '../errors.js';
import { ident } from '../render/quote.js';
import { classify, type SkipReason } from './filter.js';
import type { Shadow } from './shadow.js';
import { lineOfPosition, type SqlStatement } from './split.js';
import type { Script } from './types.js';

/** What PostgreSQL reported for the statement that failed. */
export class ScriptFailure extends Error {
  constructor(
    readonly script: Script,
    readonly statement: SqlStatement,
    readonly index: number,
    readonly line: number,
    readonly sqlstate: string | undefined,
    readonly pgMessage: string,
  ) {
    super(pgMessage);
  }
}

/** State shared by every script replayed in one shadow. */
export class RunContext {
  readonly skipped = new Map<SkipReason, number>();
  readonly unknownSettings = new Set<string>();
  readonly rolesCreated = new Set<string>();
  /** GRANT / REVOKE statements the shadow refused (an object or role it cannot have), with the first message. */
  grantsRefused = 0;
  firstGrantRefusal: string | null = null;
  private settings: Set<string> | null = null;

  constructor(readonly shadow: Shadow) {}

  async knowsSetting(name: string): Promise<boolean> {
    if (name.includes('.')) return true; // custom placeholders (`myapp.tenant`) are always accepted
    if (!this.settings) {
      const rows = (await this.shadow.db.query<{ name: string }>('SELECT name FROM pg_catalog.pg_settings')).rows;
      this.settings = new Set(rows.map((r) => r.name.toLowerCase()));
    }
    return this.settings.has(name);
  }
}

interface PgError {
  code?: string;
  message?: string;
  position?: string | number;
}

const MISSING_ROLE = /^role "((?:[^"]|"")+)" does not exist$/;

/**
 * Run a script, statement by statement. By default in autocommit, as `psql -f`
 * runs a file: one transaction holding thousands of DDL statements gets slower
 * with every statement (10,000 tables: minutes instead of seconds). With
 * `transactional`, in one transaction that is rolled back when a statement
 * fails, so that the retry order of a Django tree can try the script again later.
 * Throws ScriptFailure when a statement fails.
 */
export async function runScript(ctx: RunContext, script: Script, options: { transactional: boolean }): Promise<void> {
  if (!options.transactional) {
    await runAutocommit(ctx, script);
    return;
  }
  for (let attempt = 0; ; attempt++) {
    const skips = new Map<SkipReason, number>();
    try {
      await runInTransaction(ctx, script, skips);
      for (const [reason, n] of skips) ctx.skipped.set(reason, (ctx.skipped.get(reason) ?? 0) + n);
      return;
    } catch (e) {
      if (!(await failureRole(ctx, e, attempt))) throw e;
    }
  }
}

/**
 * A policy, a grant or `CREATE SCHEMA … AUTHORIZATION` naming a role the shadow
 * lacks: in PGlite (a private cluster) create the role, so the statement can run
 * again. False when the error is another one, or the shadow cannot create roles.
 */
async function createMissingRole(ctx: RunContext, sqlstate: string | undefined, message: string, attempt: number): Promise<boolean> {
  const role = sqlstate === '42704' ? MISSING_ROLE.exec(message)?.[1]?.replace(/""/g, '"') : undefined;
  if (role === undefined || !ctx.shadow.canCreateRoles || attempt >= 50) return false;
  await ctx.shadow.exec(`CREATE ROLE ${ident(role)}`);
  ctx.rolesCreated.add(role);
  return true;
}

const failureRole = (ctx: RunContext, e: unknown, attempt: number): Promise<boolean> =>
  e instanceof ScriptFailure ? createMissingRole(ctx, e.sqlstate, e.pgMessage, attempt) : Promise.resolve(false);

/**
 * A privilege statement, in a savepoint when inside a transaction: a role it names
 * that the private shadow lacks is created and the statement tried again; any
 * other refusal (an object outside the shadow, a server shadow without the role)
 * skips it and is counted, so privileges never stop a replay.
 */
async function runGrant(ctx: RunContext, sql: string, inTransaction: boolean, skips: Map<SkipReason, number>): Promise<void> {
  if (!ctx.shadow.canCreateRoles) {
    skips.set('privileges', (skips.get('privileges') ?? 0) + 1);
    return;
  }
  for (let attempt = 0; ; attempt++) {
    if (inTransaction) await ctx.shadow.exec('SAVEPOINT reconcile_grant');
    try {
      await ctx.shadow.exec(sql);
      if (inTransaction) await ctx.shadow.exec('RELEASE SAVEPOINT reconcile_grant');
      return;
    } catch (e) {
      if (inTransaction) await ctx.shadow.exec('ROLLBACK TO SAVEPOINT reconcile_grant');
      const err = e as PgError;
      if (await createMissingRole(ctx, err.code, err.message ?? '', attempt)) continue;
      if (typeof err.code !== 'string') throw e;
      ctx.grantsRefused++;
      ctx.firstGrantRefusal ??= `${sql.replace(/\s+/g, ' ').slice(0, 80)}: ${err.message ?? String(e)}`;
      return;
    }
  }
}

/** Run one statement as the filter says (skipped ones are counted). */
async function runStatement(ctx: RunContext, script: Script, statement: SqlStatement, index: number, skips: Map<SkipReason, number>, inTransaction: boolean): Promise<void> {
  const verdict = classify(statement);
  if (verdict.action === 'grant') {
    await runGrant(ctx, verdict.sql, inTransaction, skips);
    return;
  }
  if (verdict.action === 'skip') {
    skips.set(verdict.reason, (skips.get(verdict.reason) ?? 0) + 1);
    return;
  }
  if (verdict.action === 'set' && !(await ctx.knowsSetting(verdict.parameter))) {
    ctx.unknownSettings.add(verdict.parameter);
    return;
  }
  try {
    await ctx.shadow.exec(verdict.sql);
  } catch (e) {
    const err = e as PgError;
    if (typeof err.code !== 'string') throw e;
    const position = err.position === undefined ? undefined : Number(err.position);
    throw new ScriptFailure(script, statement, index, lineOfPosition(statement, position), err.code, err.message ?? String(e));
  }
}

async function runAutocommit(ctx: RunContext, script: Script): Promise<void> {
  let index = 0;
  for (const statement of script.statements) {
    index++;
    for (let attempt = 0; ; attempt++) {
      try {
        await runStatement(ctx, script, statement, index, ctx.skipped, false);
        break;
      } catch (e) {
        if (!(await failureRole(ctx, e, attempt))) throw e;
      }
    }
  }
}

async function runInTransaction(ctx: RunContext, script: Script, skips: Map<SkipReason, number>): Promise<void> {
  const { shadow } = ctx;
  await shadow.exec('BEGIN');
  try {
    let index = 0;
    for (const statement of script.statements) await runStatement(ctx, script, statement, ++index, skips, true);
    await shadow.exec('COMMIT');
  } catch (e) {
    await shadow.exec('ROLLBACK').catch(() => undefined);
    if (e instanceof ScriptFailure) throw e;
    const err = e as PgError;
    const last = script.statements[script.statements.length - 1];
    if (typeof err.code === 'string' && last) {
      // COMMIT itself failed (a deferred constraint): blame the script's last statement.
      throw new ScriptFailure(script, last, script.statements.length, last.line, err.code, err.message ?? String(e));
    }
    throw e;
  }
}

/** Types that come from extensions, to explain `type "vector" does not exist`. */
const EXTENSION_TYPES: Record<string, string> = {
  vector: 'vector',
  halfvec: 'vector',
  sparsevec: 'vector',
  geometry: 'postgis',
  geography: 'postgis',
  raster: 'postgis_raster',
  citext: 'citext',
  hstore: 'hstore',
  ltree: 'ltree',
  cube: 'cube',
};

/** Where a failure happened, as `file:line` (or the statement number for generated DDL), and the migration. */
export function failureWhere(f: ScriptFailure): string {
  const at = f.script.generated ? `${f.script.file} (generated DDL, statement ${f.index}, line ${f.line})` : `${f.script.file}:${f.line}`;
  return f.script.migration ? `${at} (migration ${f.script.migration.key})` : at;
}

/** Turn a failure into the one-line error the user sees. */
export function failureError(f: ScriptFailure, shadow: Shadow): ReconcileError {
  const typeName = f.sqlstate === '42704' ? /^type "(?:[^"]*\.)?([^".]+)" does not exist$/.exec(f.pgMessage)?.[1] : undefined;
  const extension = typeName ? EXTENSION_TYPES[typeName] : undefined;
  let hint: string | undefined;
  if (extension) {
    hint =
      shadow.kind === 'pglite'
        ? `type ${typeName} comes from the extension ${extension}: the source must CREATE EXTENSION it (or name it: --extension ${extension}), and if PGlite lacks it replay with --shadow postgres://… on a server that has it`
        : `type ${typeName} comes from the extension ${extension}: the source must CREATE EXTENSION it (or name it: --extension ${extension})`;
  } else if (f.sqlstate === '0A000' && /extension/i.test(f.pgMessage)) {
    hint = 'replay with --shadow postgres://… on a server that has the extension';
  }
  const generated = f.script.generated ? ` [${f.statement.sql.replace(/\s+/g, ' ').slice(0, 100)}]` : '';
  return new ReconcileError('source', `${failureWhere(f)}: ${f.pgMessage}${generated} (replayed in ${shadow.label})`, hint);
}
