/**
 * Replays a prepared source in a shadow and reads the model back: once at the
 * end, or after every migration when snapshots are asked for. Django trees
 * without plan.txt are ordered by retrying migrations that failed on a missing
 * relation after the others.
 */
import { ReconcileError } from '../errors.js';
import { CATALOG_SEARCH_PATH_SQL, inspect } from '../introspect/index.js';
import type { Schema } from '../model/types.js';
import { skipNotices } from './filter.js';
import { RunContext, ScriptFailure, failureError, runScript } from './run.js';
import type { Shadow } from './shadow.js';
import type { Migration, MigrationSnapshot, Prepared, Script } from './types.js';

export interface ReplayOptions {
  readonly schemas?: readonly string[] | undefined;
  readonly snapshots: boolean;
}

export interface ReplayResult {
  readonly schema: Schema;
  /** Migrations in the order they were applied. */
  readonly migrations: readonly Migration[];
  readonly snapshots: readonly MigrationSnapshot[];
  readonly baseline: Schema | null;
  readonly notices: readonly string[];
}

/** SQLSTATEs of "something this statement refers to does not exist (yet)". */
const MISSING_DEPENDENCY = new Set(['42P01', '42704', '3F000', '42703', '42883', '42830']);

export async function readModel(shadow: Shadow, schemas: readonly string[] | undefined, strict: boolean): Promise<Schema> {
  await shadow.exec(CATALOG_SEARCH_PATH_SQL);
  try {
    let wanted = schemas;
    if (schemas && !strict) {
      // A schema a later migration creates is not an error in an earlier snapshot.
      const rows = (await shadow.db.query<{ n: string }>('SELECT nspname AS n FROM pg_namespace')).rows;
      const present = new Set(rows.map((r) => r.n));
      wanted = schemas.filter((s) => present.has(s));
    }
    return (await inspect(shadow.db, { schemas: wanted })).schema;
  } finally {
    await shadow.exec('RESET search_path');
  }
}

export async function replay(shadow: Shadow, prepared: Prepared, options: ReplayOptions): Promise<ReplayResult> {
  const ctx = new RunContext(shadow);
  const snapshots: MigrationSnapshot[] = [];
  const applied: Migration[] = [];
  const baseline = options.snapshots ? await readModel(shadow, options.schemas, false) : null;
  let last: Schema | null = baseline;

  const afterScript = async (script: Script): Promise<void> => {
    if (!script.migration) return;
    applied.push(script.migration);
    if (!options.snapshots) return;
    // A data-only migration cannot change the model: reuse the previous one.
    const after = script.migration.dataOnly && last ? last : await readModel(shadow, options.schemas, false);
    snapshots.push({ migration: script.migration, after });
    last = after;
  };

  try {
    if (prepared.order === 'fixed') {
      for (const script of prepared.scripts) {
        await shadow.exec('RESET search_path');
        await runScript(ctx, script, { transactional: false });
        await afterScript(script);
      }
    } else {
      await replayRetrying(ctx, prepared.scripts, afterScript);
    }
  } catch (e) {
    if (e instanceof ScriptFailure) throw failureError(e, shadow);
    throw e;
  }
  const schema = await readModel(shadow, options.schemas, true);
  const notices = [...shadow.notices, ...skipNotices(ctx.skipped)];
  if (ctx.unknownSettings.size > 0) {
    notices.push(`skipped SET of parameters ${shadow.label} does not know: ${[...ctx.unknownSettings].sort().join(', ')}`);
  }
  if (ctx.grantsRefused > 0) {
    notices.push(`skipped ${ctx.grantsRefused} GRANT/REVOKE statement${ctx.grantsRefused === 1 ? '' : 's'} ${shadow.label} refused (first: ${ctx.firstGrantRefusal ?? ''}): their privileges are not in the model`);
  }
  if (ctx.rolesCreated.size > 0) {
    notices.push(`created roles the source refers to in the shadow: ${[...ctx.rolesCreated].sort().join(', ')}`);
  }
  return { schema, migrations: applied, snapshots, baseline, notices };
}

/**
 * Apps in name order, migrations by name within an app. Repeatedly run the first
 * app's next migration that succeeds; one that fails on a missing relation, type,
 * column or schema waits for the others. When no app can advance, report each
 * blocked migration and why.
 */
async function replayRetrying(ctx: RunContext, scripts: readonly Script[], after: (s: Script) => Promise<void>): Promise<void> {
  const queues = new Map<string, Script[]>();
  for (const s of scripts) {
    const app = s.migration?.app ?? '';
    const q = queues.get(app);
    if (q) q.push(s);
    else queues.set(app, [s]);
  }
  const apps = [...queues.keys()].sort();
  for (;;) {
    let progressed = false;
    const blocked: ScriptFailure[] = [];
    for (const app of apps) {
      const head = queues.get(app)?.[0];
      if (!head) continue;
      try {
        await ctx.shadow.exec('RESET search_path');
        await runScript(ctx, head, { transactional: true });
      } catch (e) {
        if (e instanceof ScriptFailure && e.sqlstate !== undefined && MISSING_DEPENDENCY.has(e.sqlstate)) {
          blocked.push(e);
          continue;
        }
        throw e;
      }
      queues.get(app)?.shift();
      await after(head);
      progressed = true;
      break;
    }
    if (blocked.length === 0 && !progressed) return;
    if (!progressed) throw noOrderError(blocked, ctx.shadow);
  }
}

function noOrderError(blocked: readonly ScriptFailure[], shadow: Shadow): ReconcileError {
  const first = blocked[0];
  if (blocked.length === 1 && first) {
    const e = failureError(first, shadow);
    return new ReconcileError('source', `no order of the migrations replays: ${e.message}`, 'add plan.txt (manage.py showmigrations --plan) to the folder');
  }
  const each = blocked.map((f) => `${f.script.migration?.key ?? f.script.file} stops at ${f.script.file}:${f.line}: ${f.pgMessage}`);
  return new ReconcileError('source', `no order of the migrations replays: ${each.join('; ')}`, 'add plan.txt (manage.py showmigrations --plan) to the folder');
}
